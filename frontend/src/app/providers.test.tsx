// The theme follows the system's "reduce motion" setting: Ant Design's motion is off while it asks for less, on
// otherwise, and changes with the setting while the page is open. (jsdom has no media queries: the setting is a stand-in
// MediaQueryList whose answer the test sets and changes.)
import { act, render, screen } from "@testing-library/react";
import { ConfigProvider, theme } from "antd";
import { useContext } from "react";
import { afterEach, expect, it, vi } from "vitest";
import { Providers } from "./providers";

function systemSetting(reduce: boolean) {
  const listeners = new Set<(event: MediaQueryListEvent) => void>();
  const setting = {
    reduce,
    change(to: boolean) {
      setting.reduce = to;
      const event = { matches: to, media: "(prefers-reduced-motion: reduce)" } as MediaQueryListEvent;
      listeners.forEach((listener) => listener(event));
    },
  };
  vi.stubGlobal("matchMedia", (media: string) => {
    const asksForReduce = media.includes("prefers-reduced-motion: reduce");
    const add = (_: string, listener: (event: MediaQueryListEvent) => void) => asksForReduce && listeners.add(listener);
    const remove = (_: string, listener: (event: MediaQueryListEvent) => void) => listeners.delete(listener);
    return {
      matches: asksForReduce && setting.reduce,
      media,
      onchange: null,
      addEventListener: add,
      removeEventListener: remove,
      addListener: (listener: (event: MediaQueryListEvent) => void) => add("change", listener),
      removeListener: (listener: (event: MediaQueryListEvent) => void) => remove("change", listener),
      dispatchEvent: () => false,
    } as unknown as MediaQueryList;
  });
  return setting;
}

function ThemeMotion() {
  const { token } = theme.useToken();
  const { wave } = useContext(ConfigProvider.ConfigContext);
  const ripple = wave?.disabled ? "no ripple" : "ripple";
  return <output aria-label="motion">{`${String(token.motion)} ${token.motionDurationMid} ${ripple}`}</output>;
}

afterEach(() => vi.unstubAllGlobals());

for (const { reduce, shown, behaviour } of [
  {
    reduce: true,
    shown: "false 0s no ripple",
    behaviour: "turns Ant Design's motion off when the system asks for reduced motion",
  },
  {
    reduce: false,
    shown: "true 0.2s ripple",
    behaviour: "keeps Ant Design's motion when the system does not ask for less",
  },
]) {
  it(behaviour, () => {
    // given a system set to reduce motion, or with no preference
    systemSetting(reduce);
    // when the app's providers render
    render(
      <Providers lang="zh">
        <ThemeMotion />
      </Providers>,
    );
    // then the theme has no motion, its transitions take no time and clicks make no ripple, or all moves as Ant Design's
    // default does
    expect(screen.getByRole("status", { name: "motion" }).textContent).toBe(shown);
  });
}

it("follows the system setting when it changes while the page is open", () => {
  // given the app open on a system with no preference
  const setting = systemSetting(false);
  render(
    <Providers lang="zh">
      <ThemeMotion />
    </Providers>,
  );
  expect(screen.getByRole("status", { name: "motion" }).textContent).toBe("true 0.2s ripple");
  // when the user turns reduced motion on
  act(() => setting.change(true));
  // then the motion stops
  expect(screen.getByRole("status", { name: "motion" }).textContent).toBe("false 0s no ripple");
  // and when they turn it off again, it comes back
  act(() => setting.change(false));
  expect(screen.getByRole("status", { name: "motion" }).textContent).toBe("true 0.2s ripple");
});
