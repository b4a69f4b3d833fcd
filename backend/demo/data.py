"""Catalogues the demo builder draws from: places, names, skills, unit templates, posts, projects and needs.

Plain data only, no Django; `seeding.py` picks from these with a seeded random generator. Places follow
Zhongyuan district (中原区), Zhengzhou, as the source article describes it.
"""

DISTRICT = {"name": "中原区", "city": "郑州市", "code": "410102", "lat": 34.748, "lng": 113.612}

# (name, centre lat, centre lng, communities at district scale); the counts add up to the article's 94.
SUB_DISTRICTS = [
    ("林山寨街道", 34.760, 113.640, 9),
    ("建设路街道", 34.757, 113.625, 8),
    ("棉纺路街道", 34.750, 113.608, 9),
    ("秦岭路街道", 34.738, 113.615, 8),
    ("三官庙街道", 34.745, 113.645, 7),
    ("绿东村街道", 34.767, 113.655, 6),
    ("汝河路街道", 34.731, 113.633, 8),
    ("桐柏路街道", 34.749, 113.628, 8),
    ("须水街道", 34.764, 113.570, 9),
    ("中原西路街道", 34.754, 113.590, 8),
    ("莲湖街道", 34.727, 113.598, 7),
    ("航海西路街道", 34.714, 113.620, 7),
]

# Community names, taken in order per sub-district (first ones named in the article where it names them).
COMMUNITY_NAMES = {
    "林山寨街道": ["百花", "林山寨", "伏牛路", "互助路", "嵩山路北", "友爱路", "煤仓街", "工人路", "淮河路", "华山路"],
    "建设路街道": ["协作路", "阳光新城", "建设路西", "国棉一厂", "国棉三厂", "电厂路", "建设路东", "五龙口", "桐淮"],
    "棉纺路街道": ["国棉四厂", "国棉五厂", "国棉六厂", "棉纺路东", "棉纺路西", "郑上路", "颍河路", "陇海西路", "西站路",
                   "大学路"],
    "秦岭路街道": ["秦江", "秦岭路", "汝河新区", "化工路", "文化宫路", "冉屯东路", "冉屯西路", "西三环", "秦岭北路"],
    "三官庙街道": ["中原中路二", "三官庙", "中原中路一", "中原二", "西站北", "农业银行", "郑州大学北", "陇海中路"],
    "绿东村街道": ["白鸽", "绿东村", "二砂", "洛河路", "闫家嘴", "中磨", "电缆厂"],
    "汝河路街道": ["汝河路", "嵩山南路", "锦艺", "航海中路", "桃源", "绿云", "凯旋门", "伊河路", "大方"],
    "桐柏路街道": ["馨怡家园", "风和日丽", "正商明钻", "城开", "桐柏路", "碧沙岗", "五一公园", "市委", "后河卢"],
    "须水街道": ["须水", "须水河", "西流湖", "常庄", "柿园", "石佛", "孙庄", "董岗", "贾庄", "岗坡"],
    "中原西路街道": ["绿城", "中原西路", "朱屯", "中原新城", "西岗", "帝景", "祥云", "锦绣", "瑞祥"],
    "莲湖街道": ["莲湖", "盛和苑", "尖山", "天骄", "华庭", "兴华", "西岭", "民安"],
    "航海西路街道": ["帝湖", "航海西路", "秦岭南路", "桃贾", "东岗", "小李庄", "兴华南", "郑密"],
}

STREETS = [
    "中原路", "建设路", "伏牛路", "工人路", "嵩山路", "桐柏路", "华山路", "棉纺路", "秦岭路", "汝河路",
    "淮河路", "陇海西路", "互助路", "友爱路", "百花路", "颍河路", "航海西路", "须水路", "西三环", "冉屯路",
    "郑上路", "洛河路", "伊河路", "化工路", "文化宫路", "电厂路", "协作路", "大学路", "西站路", "煤仓街",
]

# 六室四站二栏一厅一场所, as the article lists them: (kind, name, capacity range; 0 = not a room).
FACILITIES = [
    ("room", "社区工作办公室", (8, 15)),
    ("room", "警务室", (4, 8)),
    ("room", "多功能活动室", (40, 120)),
    ("room", "图书阅览室", (20, 40)),
    ("room", "矛盾纠纷调解室", (6, 12)),
    ("room", "资料档案室", (0, 0)),
    ("station", "综治工作站", (6, 12)),
    ("station", "少年儿童服务站", (20, 40)),
    ("station", "老年服务站", (20, 50)),
    ("station", "卫生服务站", (10, 20)),
    ("board", "党务公开栏", (0, 0)),
    ("board", "居务公开栏", (0, 0)),
    ("hall", "服务大厅", (30, 80)),
    ("sports", "健身娱乐场所", (50, 200)),
]
# The community's own rooms that are also listed as bookable venues: (facility name, features).
COMMUNITY_ROOMS = [
    ("多功能活动室", ["投影", "音响", "空调", "桌椅"]),
    ("图书阅览室", ["空调", "书架", "无线网络"]),
    ("老年服务站", ["无障碍", "空调", "茶水"]),
    ("健身娱乐场所", ["户外", "照明"]),
]

# (code, Chinese name, English name, category); ~30 skills.
SKILLS = [
    ("legal_advice", "法律咨询", "Legal advice", "legal"),
    ("mediation", "矛盾调解", "Dispute mediation", "legal"),
    ("first_aid", "应急救护", "First aid", "health"),
    ("medical", "医疗义诊", "Medical care", "health"),
    ("psychology", "心理疏导", "Psychological counselling", "health"),
    ("elderly_care", "助老服务", "Elderly care", "care"),
    ("child_care", "儿童看护", "Child care", "care"),
    ("disability_support", "助残服务", "Disability support", "care"),
    ("haircut", "义务理发", "Haircut", "care"),
    ("sign_language", "手语", "Sign language", "care"),
    ("tutoring", "课业辅导", "Tutoring", "education"),
    ("translation", "外语翻译", "Translation", "education"),
    ("calligraphy", "书法绘画", "Calligraphy and painting", "culture"),
    ("performing_arts", "文艺演出", "Performing arts", "culture"),
    ("photography", "摄影摄像", "Photography", "culture"),
    ("policy_publicity", "政策宣传", "Policy publicity", "civic"),
    ("event_organising", "活动组织", "Event organising", "civic"),
    ("traffic_guide", "文明交通引导", "Civility and traffic guide", "civic"),
    ("patrol", "治安巡逻", "Safety patrol", "safety"),
    ("fire_safety", "消防安全", "Fire safety", "safety"),
    ("sanitation", "环境卫生", "Sanitation", "environment"),
    ("waste_sorting", "垃圾分类指导", "Waste sorting guidance", "environment"),
    ("gardening", "绿化养护", "Gardening", "environment"),
    ("it_support", "电脑手机维修", "IT support", "technical"),
    ("repair", "家电维修", "Appliance repair", "technical"),
    ("plumbing_electrical", "水电维修", "Plumbing and electrical", "technical"),
    ("driving", "驾驶", "Driving", "logistics"),
    ("cooking", "烹饪助餐", "Cooking", "logistics"),
    ("accounting", "财务会计", "Accounting", "expertise"),
]

# Skills whose claimed level counts for matching only once a coordinator has verified it (Skill.requires_verification),
# with the certificate a coordinator checks; other skills a coordinator may verify by seeing the work.
SKILLS_REQUIRING_VERIFICATION = {
    "medical": "医师执业证书",
    "legal_advice": "法律职业资格证书",
    "plumbing_electrical": "特种作业操作证（电工）",
}
VERIFICATION_NOTES = {
    "first_aid": "红十字救护员证",
    "psychology": "心理咨询师证书",
    "driving": "机动车驾驶证",
    "fire_safety": "消防设施操作员证",
    "accounting": "会计专业技术资格证书",
    "sign_language": "手语翻译培训结业证",
}
VERIFICATION_SEEN = "活动中现场核验"  # seen at work in an activity

# Surnames with rough relative frequencies (Henan leans on 王, 李, 张, 刘).
SURNAMES = (
    [("王", 90), ("李", 85), ("张", 85), ("刘", 60), ("陈", 35), ("杨", 35), ("赵", 30), ("黄", 20), ("周", 20),
     ("吴", 18), ("徐", 16), ("孙", 18), ("马", 22), ("朱", 14), ("胡", 14), ("郭", 22), ("何", 10), ("高", 18),
     ("林", 8), ("罗", 8), ("郑", 12), ("梁", 10), ("谢", 8), ("宋", 14), ("唐", 8), ("许", 10), ("韩", 12),
     ("冯", 10), ("邓", 7), ("曹", 10), ("彭", 6), ("曾", 5), ("肖", 6), ("田", 10), ("董", 9), ("袁", 7),
     ("潘", 5), ("于", 7), ("蒋", 5), ("蔡", 6), ("余", 5), ("杜", 8), ("叶", 5), ("程", 8), ("苏", 7),
     ("魏", 9), ("吕", 8), ("丁", 7), ("任", 7), ("沈", 5), ("姚", 6), ("卢", 5), ("姜", 5), ("崔", 7),
     ("钟", 4), ("谭", 4), ("陆", 4), ("汪", 4), ("范", 6), ("金", 4), ("石", 6), ("贾", 7), ("夏", 4),
     ("付", 6), ("方", 4), ("白", 6), ("孟", 7), ("秦", 5), ("尹", 4), ("薛", 5), ("闫", 7), ("段", 5),
     ("侯", 5), ("史", 5), ("牛", 5), ("常", 5), ("申", 4), ("耿", 3), ("岳", 3), ("翟", 3), ("司马", 1),
     ("欧阳", 1)]
)
GIVEN_MALE = "伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林建国志文海峰新东亮成军红卫振兴"
GIVEN_FEMALE = "芳娜敏静丽艳娟霞秀燕玲桂英华慧巧美淑惠珍雪琳晶颖婷倩瑶雅欣怡佳梅兰红玉萍莉"
GIVEN_OLD_MALE = ["建国", "国庆", "建华", "卫东", "志强", "保国", "振华", "德明", "国栋", "文革", "立新", "永生"]
GIVEN_OLD_FEMALE = ["秀兰", "桂英", "玉珍", "淑芬", "凤英", "秀英", "桂兰", "玉兰", "素梅", "爱华", "红梅", "丽华"]

# Unit templates per kind: (kind, share of the 261 units, name templates, employees' typical skills).
AGENCY_NAMES = [
    "中原区财政局", "中原区教育局", "中原区民政局", "中原区司法局", "中原区卫生健康委员会", "中原区住房和城乡建设局",
    "中原区城市管理局", "中原区市场监督管理局", "中原区人力资源和社会保障局", "中原区文化广电和旅游局",
    "中原区应急管理局", "中原区统计局", "中原区审计局", "中原区退役军人事务局", "中原区商务局",
    "中原区科学技术和工业信息化局", "中原区农业农村工作委员会", "中原区医疗保障局", "中原区信访局",
    "中原区人民法院", "中原区人民检察院", "郑州市公安局中原分局", "国家税务总局郑州市中原区税务局",
    "中原区发展和改革委员会", "中原区交通运输局", "中原区生态环境分局", "中原区体育局", "中原区机关事务管理局",
    "中原区总工会", "共青团中原区委员会", "中原区妇女联合会", "中原区残疾人联合会", "中原区红十字会",
    "中原区融媒体中心", "郑州市自然资源和规划局中原分局", "中原区政务服务和大数据管理局", "中原区档案馆",
    "中原区图书馆", "中原区文化馆", "中原区疾病预防控制中心",
]
STATE_FIRM_TEMPLATES = [
    "中国银行郑州{place}支行", "中国工商银行郑州{place}支行", "中国农业银行郑州{place}支行",
    "中国建设银行郑州{place}支行",
    "中国邮政集团郑州{place}营业部", "国网郑州供电公司{place}供电所", "郑州华润燃气{place}服务站",
    "郑州自来水{place}营业所",
    "中国移动郑州{place}营业厅", "中国联通郑州{place}营业厅", "郑州公交{place}车队", "中铁七局{place}项目部",
]
STATE_FIRMS_NAMED = [
    "郑州国棉三厂有限公司", "郑州国棉六厂有限公司", "郑州电缆有限公司", "郑州第二砂轮厂", "郑州中原磨料磨具有限公司",
    "郑州煤矿机械集团股份有限公司", "河南送变电建设有限公司", "郑州市热力总公司中原分公司", "郑州铁路局郑州西站",
    "中原区城市建设投资有限公司",
]
SCHOOL_TEMPLATES = [
    "郑州市中原区{place}小学", "郑州市中原区{place}幼儿园", "郑州市{place}中学", "郑州市中原区{place}实验学校",
]
SCHOOLS_NAMED = [
    "郑州市第九中学", "郑州市第十九中学", "郑州市第三十四中学", "郑州市第五十二中学", "郑州外国语中学",
    "郑州市第一中学", "郑州市伏牛路小学", "郑州市建设路第二小学", "郑州市汝河路小学", "郑州工程技术学院",
]
HOSPITAL_TEMPLATES = ["郑州市中原区{place}社区卫生服务中心", "中原区{place}中医门诊部"]
HOSPITALS_NAMED = [
    "郑州市第二人民医院", "郑州市中心医院", "郑州市中医院", "中原区人民医院", "郑州市第五人民医院中原分院",
    "郑州大学第一附属医院中原院区", "中原区妇幼保健院",
]
COMPANY_TEMPLATES = [
    "郑州{place}物业服务有限公司", "河南{brand}科技有限公司", "郑州{brand}商贸有限公司", "郑州{brand}律师事务所",
    "郑州{brand}餐饮管理有限公司", "河南{brand}建设工程有限公司", "郑州{brand}文化传媒有限公司", "郑州{place}超市",
    "郑州{brand}医药连锁有限公司", "河南{brand}会计师事务所",
]
OTHER_TEMPLATES = ["中原区{place}老年大学", "郑州市{brand}慈善基金会", "中原区{brand}社会工作服务中心", "{place}商会"]
BRANDS = [
    "中原", "绿城", "嵩山", "华夏", "豫达", "金水", "鼎盛", "恒远", "宏图", "众诚", "天和", "瑞丰", "康宁", "新郑",
    "博远", "正商", "建业", "德信", "同心", "百川", "锦程", "安信", "裕华", "兴邦", "荣盛", "光明", "启航", "泰和",
]
# Skills that the members of each kind of unit tend to bring.
UNIT_KIND_SKILLS = {
    "agency": ["policy_publicity", "legal_advice", "event_organising", "accounting", "photography", "mediation"],
    "state_firm": ["plumbing_electrical", "driving", "repair", "fire_safety", "accounting", "it_support"],
    "school": ["tutoring", "calligraphy", "performing_arts", "translation", "child_care", "psychology"],
    "hospital": ["medical", "first_aid", "psychology", "elderly_care", "disability_support"],
    "company": ["it_support", "legal_advice", "photography", "driving", "accounting", "cooking"],
    "other": ["event_organising", "elderly_care", "psychology", "policy_publicity"],
}
# Skills by volunteer kind, beyond the employer's.
KIND_SKILLS = {
    "in_office": ["first_aid", "policy_publicity", "patrol", "traffic_guide", "waste_sorting", "photography",
                  "driving"],
    "retired": ["patrol", "sanitation", "elderly_care", "mediation", "policy_publicity", "calligraphy",
                "traffic_guide", "gardening", "haircut", "cooking", "waste_sorting", "performing_arts"],
    "non_post": ["patrol", "sanitation", "repair", "plumbing_electrical", "cooking", "driving", "waste_sorting",
                 "policy_publicity", "mediation"],
    "resident": ["sanitation", "waste_sorting", "child_care", "cooking", "haircut", "tutoring", "first_aid",
                 "it_support", "translation", "sign_language", "performing_arts", "gardening"],
}

PARTY_ORG_SUFFIXES = ["委员会", "总支部委员会", "支部委员会"]

AGREEMENT_ITEMS = [
    "开放会议室供社区党员活动使用", "组织在职党员到社区报到并参加志愿服务", "资助困难群众节日慰问",
    "参与老旧小区环境整治",
    "为社区居民提供义诊服务", "为社区开展法律知识讲座", "捐赠图书充实社区阅览室", "提供车辆支持社区活动",
    "共建四点半课堂", "参与创建文明城市志愿服务", "支持社区文体活动经费", "开展消防安全培训", "参与社区垃圾分类督导",
    "认领困难群众微心愿", "开放职工食堂为社区老人助餐", "组织青年志愿者开展助老服务",
]

# 一编三定 post catalogue: (name, category, duties, seats, required skills, weekdays, start, end, target,
# priority, team specialty). Every community gets each of them.
POSTS = [
    ("政策宣传岗", "policy", "入户和在小区广场宣传党的政策、惠民政策和社区通知，收集居民意见。", 3,
     {"policy_publicity": 2}, [3, 6], "09:00", "11:00", "每月入户宣传不少于50户", 3, "policy"),
    ("治安巡逻岗（夜间）", "patrol", "夜间在楼院、背街小巷巡逻，排查安全隐患，发现问题及时报告网格员。", 4,
     {"patrol": 2}, [1, 3, 5, 6], "19:30", "21:30", "每周巡逻不少于4次，辖区可防性案件零发生", 4, "patrol"),
    ("治安巡逻岗（日间）", "patrol", "白天在小区出入口、菜市场周边巡逻，劝导外来推销人员，守护老人儿童安全。", 3,
     {"patrol": 1}, [2, 4], "09:00", "11:00", "每周巡逻2次", 3, "patrol"),
    ("环境卫生监督岗", "sanitation", "监督楼院环境卫生和垃圾分类投放，劝导乱堆乱放，清理卫生死角。", 3,
     {"sanitation": 1}, [2, 6], "08:00", "10:00", "楼院卫生检查合格率95%以上", 3, "sanitation"),
    ("文明引导岗", "civility", "在路口和公交站点引导行人、非机动车文明出行，劝导不文明行为。", 4,
     {"traffic_guide": 1}, [1, 5], "07:30", "09:00", "早高峰路口无闯红灯现象", 3, "civility"),
    ("周末文明引导岗", "civility", "周末在广场、公园和商业街开展文明劝导和志愿服务。", 3,
     {"traffic_guide": 1}, [6, 7], "15:00", "17:00", "周末重点区域文明劝导全覆盖", 2, "civility"),
    ("矛盾纠纷调解岗", "mediation", "调解邻里纠纷、物业纠纷，做好登记和回访。", 2,
     {"mediation": 3}, [2, 4], "14:30", "17:00", "矛盾纠纷调解成功率90%以上", 4, "mediation"),
    ("帮扶济困岗", "hardship", "结对联系空巢老人、困难家庭，定期走访，代办代购，反映困难诉求。", 3,
     {"elderly_care": 2}, [3, 6], "09:00", "11:30", "每名岗位党员结对帮扶2户", 4, "elderly"),
    ("楼院长", "courtyard", "负责楼院日常事务，收集居民诉求，协助物业和社区做好楼院管理。", 2,
     {}, [7], "10:00", "11:00", "楼院居民诉求48小时内反馈", 3, "grid"),
    ("法律服务岗", "legal", "在社区法律服务室为居民提供法律咨询，引导通过法律途径解决问题。", 1,
     {"legal_advice": 3}, [6], "09:00", "11:30", "每月接待法律咨询不少于8人次", 3, "legal"),
]

# Service teams a community may have: (name, specialty, skill its members bring, key used by posts).
SERVICE_TEAMS = [
    ("红色宣讲志愿服务队", "政策宣讲", "policy_publicity", "policy"),
    ("平安巡逻队", "治安巡逻", "patrol", "patrol"),
    ("环境卫生志愿服务队", "环境卫生", "sanitation", "sanitation"),
    ("文明劝导志愿服务队", "文明引导", "traffic_guide", "civility"),
    ("和事佬调解队", "矛盾调解", "mediation", "mediation"),
    ("银发助老服务队", "助老服务", "elderly_care", "elderly"),
    ("法律服务志愿队", "法律咨询", "legal_advice", "legal"),
    ("医护志愿服务队", "医疗义诊", "medical", "medical"),
    ("青春课堂志愿服务队", "课业辅导", "tutoring", "tutoring"),
    ("文艺志愿服务队", "文艺演出", "performing_arts", "arts"),
]

# Project templates: (name, goals, frequency, weekdays, start, end, seats, required skills, resource kind,
# min capacity, need category).
PROJECTS = [
    ("四点半课堂", "为双职工家庭小学生提供放学后作业辅导和看护。", "weekly", [1, 3, 5], "16:30", "18:00", 3,
     {"tutoring": 2}, "venue", 20, "children"),
    ("老年人智能手机培训", "教老年人使用健康码、移动支付和视频通话。", "weekly", [3], "15:00", "16:30", 3,
     {"it_support": 2}, "venue", 30, "elderly"),
    ("社区义诊", "测血压血糖、健康咨询，建立慢病老人健康档案。", "weekly", [6], "08:30", "11:00", 3,
     {"medical": 3}, "venue", 20, "health"),
    ("法律明白人讲堂", "围绕婚姻家庭、遗产继承、防范诈骗开展普法讲座。", "weekly", [7], "15:00", "16:30", 2,
     {"legal_advice": 3}, "venue", 40, "legal"),
    ("书法兴趣班", "由退休党员教居民书法和国画。", "weekly", [2], "09:30", "11:00", 2,
     {"calligraphy": 3}, "venue", 20, "culture"),
    ("爱心义剪", "为高龄、失能老人上门或在社区义务理发。", "weekly", [4], "09:00", "11:00", 3,
     {"haircut": 2}, "", 0, "elderly"),
    ("心灵驿站心理沙龙", "为独居老人、青少年和家长提供心理疏导。", "weekly", [6], "14:30", "16:30", 2,
     {"psychology": 3}, "venue", 15, "health"),
    ("垃圾分类督导", "在垃圾投放点值守，指导居民分类投放。", "weekly", [1, 2, 3, 4, 5], "07:00", "08:30", 2,
     {"waste_sorting": 1}, "", 0, "environment"),
    ("爱心助餐送餐", "为行动不便的老人送午餐。", "weekly", [1, 3, 5], "11:00", "12:30", 3,
     {"driving": 2}, "vehicle", 4, "elderly"),
    ("周末环境大扫除", "组织党员和居民清理楼院卫生死角、小广告。", "weekly", [6], "08:00", "10:00", 8,
     {}, "", 0, "environment"),
    ("家电义务维修", "为居民免费检修小家电、更换灯具。", "weekly", [7], "09:00", "11:30", 3,
     {"repair": 2}, "", 0, "other"),
    ("广场文艺演出", "组织居民文艺队在社区广场演出。", "weekly", [5], "19:00", "21:00", 6,
     {"performing_arts": 2}, "venue", 80, "culture"),
    ("消防安全进楼院", "讲解消防知识，排查楼道堆物和电动车充电隐患。", "monthly", [], "", "", 0,
     {"fire_safety": 2}, "", 0, "safety"),
    ("邻里节", "一年一度的社区邻里节，百家宴和文艺汇演。", "once", [], "", "", 0, {}, "", 0, "culture"),
]

# Need templates: (title, category, type, skills, headcount range, micro-wish).
NEEDS = [
    ("独居老人陪伴就医", "elderly", "service", {"elderly_care": 2}, (1, 2), False),
    ("高龄老人上门理发", "elderly", "service", {"haircut": 2}, (1, 1), False),
    ("小学生暑期作业辅导", "children", "service", {"tutoring": 2}, (1, 3), False),
    ("楼道杂物清理", "environment", "service", {"sanitation": 1}, (2, 6), False),
    ("邻里漏水纠纷调解", "legal", "expertise", {"mediation": 3}, (1, 2), False),
    ("遗产继承法律咨询", "legal", "expertise", {"legal_advice": 3}, (1, 1), False),
    ("老旧小区夜间照明巡查", "safety", "service", {"patrol": 2}, (2, 4), False),
    ("失能老人心理疏导", "health", "expertise", {"psychology": 3}, (1, 1), False),
    ("慢病老人血压测量", "health", "service", {"medical": 2}, (1, 2), False),
    ("老年人手机使用辅导", "elderly", "service", {"it_support": 1}, (1, 3), False),
    ("居民议事会场地", "other", "venue", {"event_organising": 2}, (2, 4), False),
    ("重阳节敬老活动", "elderly", "venue", {"event_organising": 2, "performing_arts": 1}, (4, 8), False),
    ("楼院电线老化检修", "safety", "service", {"plumbing_electrical": 3}, (1, 2), False),
    ("困难家庭代购生活用品", "hardship", "service", {"driving": 1}, (1, 2), False),
    ("社区消防演练", "safety", "service", {"fire_safety": 2}, (2, 5), False),
    ("绿化带补植", "environment", "service", {"gardening": 1}, (3, 6), False),
    ("听障居民手语翻译陪同", "other", "service", {"sign_language": 3}, (1, 1), False),
    ("社区活动摄影记录", "culture", "service", {"photography": 2}, (1, 2), False),
]
MICRO_WISHES = [
    ("想要一个新书包", "children"), ("想要一台助听器", "elderly"), ("想要一辆轮椅", "elderly"),
    ("想要一套课外读物", "children"), ("想要一个电饭煲", "hardship"), ("想要一床冬被", "hardship"),
    ("想要一副老花镜", "elderly"), ("想要一盏护眼台灯", "children"), ("想要一部老年手机", "elderly"),
    ("想要一套学习用品", "children"),
]

# Idle unit resources (~80): (category, name template, capacity range, features, conditions).
IDLE_RESOURCES = [
    ("venue", "{unit}会议室", (20, 60), ["投影", "空调", "桌椅"], "提前3天预约，使用后恢复原状。"),
    ("venue", "{unit}多功能厅", (80, 300), ["音响", "舞台", "空调"], "仅限公益活动，周末可用。"),
    ("venue", "{unit}篮球场", (30, 100), ["户外", "照明"], "晚间和周末开放。"),
    ("venue", "{unit}职工书屋", (15, 30), ["书架", "无线网络"], "开放时间内可借阅。"),
    ("vehicle", "{unit}商务车", (6, 7), ["空调"], "需单位驾驶员随车，提前2天预约。"),
    ("vehicle", "{unit}厢式货车", (2, 3), ["载货"], "仅用于物资运输。"),
    ("equipment", "{unit}帐篷桌椅", (10, 30), ["户外"], "活动结束当天归还。"),
    ("equipment", "{unit}音响设备", (1, 2), ["音响"], "需专人操作。"),
    ("equipment", "{unit}电子血压计", (5, 20), ["医疗"], "义诊活动使用。"),
    ("goods", "{unit}米面油慰问物资", (20, 100), [], "用于困难群众慰问。"),
    ("goods", "{unit}图书捐赠", (100, 500), [], "捐赠给社区阅览室。"),
    ("funds", "{unit}共建活动经费", (0, 0), [], "按共建协议拨付，专款专用。"),
    ("expertise", "{unit}专业志愿服务团队", (3, 10), ["专业资质"], "需提前一周对接。"),
]
# What each kind of unit plausibly has spare (a kindergarten lends rooms, not a lorry).
UNIT_KIND_RESOURCES = {
    "agency": ["venue", "vehicle", "equipment", "funds", "expertise"],
    "state_firm": ["venue", "vehicle", "equipment", "goods", "funds"],
    "school": ["venue", "equipment", "goods", "expertise"],
    "hospital": ["venue", "equipment", "expertise"],
    "company": ["venue", "vehicle", "equipment", "goods", "funds", "expertise"],
    "other": ["venue", "goods", "funds", "expertise"],
}
BLACKOUT_REASONS = ["出差", "外出旅游", "住院治疗", "照顾家人", "单位值班", "回老家"]


# Residents' words when a need is rated (评单), by score.
RATING_COMMENTS = {
    3: ["问题基本解决，希望下次来得更及时。", "服务还可以，沟通可以再多一些。"],
    4: ["志愿者很耐心，问题解决了。", "服务周到，谢谢社区。", "来得及时，解决得不错。"],
    5: ["非常满意，志愿者热情负责！", "解了燃眉之急，感谢党员志愿者。", "服务特别好，邻里都点赞。"],
}
