# 工作人员工作台：工作人员在手机或办公电脑上查看的网页。每位工作人员的浏览器语言决定所用语言
# （工作台不支持该语言时使用英语）。

desk-title = Concierge 工作台
desk-sign-in-title = Concierge 工作台 — 登录
desk-name = 用户名
desk-password = 密码
desk-sign-in = 登录
desk-wrong-sign-in = 用户名或密码错误。
desk-sign-out = 退出登录
desk-too-many = 密码错误次数过多。请在 { $minutes } 分钟后重试。
desk-busy = 服务台正在处理其他请求，请稍后重试。
desk-form-stale = 本页已过期，请重新登录。
desk-signed-in-as = 当前登录：{ $agent }
desk-open-requests = 待处理请求
desk-no-open = 没有待处理的请求。
desk-escalated = 已升级
desk-waiting = { $minutes ->
   *[other] 已等待 { $minutes } 分钟
}
desk-kiosk = 自助机 { $kiosk }
desk-flight = 航班 { $flight }
desk-closes = { $minutes ->
   *[other] { $minutes } 分钟后截止值机
}
desk-closed-already = 值机已截止
desk-step = 步骤：{ $step }
desk-language = 语言：{ $language }
desk-passenger = 乘客 { $name }
desk-on-the-way = { $agent } 正在赶来
desk-acknowledge = 受理
desk-resolve = 处理完成
desk-last-day = { $count ->
   *[other] 过去 24 小时：{ $count } 次请求
}
desk-per-hour = 每小时 { $rate } 次
desk-median-ack = 受理用时中位数：{ $time }
desk-seconds = { $seconds ->
   *[other] { $seconds } 秒
}
desk-no-figure = —
desk-recent = 最近的请求
desk-col-kiosk = 自助机
desk-col-reason = 原因
desk-col-outcome = 结果
desk-col-agent = 工作人员
desk-state-open = 待处理
desk-state-acknowledged = 已受理
desk-state-resolved = 已处理
desk-state-cancelled = 已由自助机取消

## 卡片上的时间：{ $time } 为当天时刻，{ $ago } 如“5 分钟前”，{ $in } 如“12 分钟后”
desk-minutes-ago = { $minutes ->
   *[other] { $minutes } 分钟前
}
desk-in-minutes = { $minutes ->
   *[other] { $minutes } 分钟后
}
desk-closes-at = { $time } 截止值机（{ $in }）
desk-asked = { $ago }发起
desk-received = { $ago }送达工作台
desk-gave-up = 自助机已于 { $time } 将乘客转至柜台
desk-escalated-to = { $time } 升级至 { $to }
desk-drill = 演练
desk-drill-note = 这是演练：自助机前无人等候。
desk-service = 特殊服务 { $code }
desk-yours = 您的机场

## 特殊服务申请导致值机中止时，工作人员须执行的操作
desk-todo-UMNR = 无成人陪伴儿童：前往自助机并陪伴儿童，核对交接单及到达时的接机人，然后护送其至登机口。
desk-todo-STCR = 担架旅客：核查医疗许可，并与航站协调安排担架和医疗升降车。
desk-todo-MEDA = 医疗旅客：为旅客办理值机前，核查医疗许可（MEDIF）。
desk-todo-PETC = 客舱宠物：检查宠物箱和宠物证件，然后收取费用。

## 请求的处理记录
desk-timeline = 处理记录
desk-event-raised = 在自助机发起
desk-event-received = 送达工作台
desk-event-updated = 自助机再次请求（{ $detail }）
desk-event-escalated = 已升级至 { $to }
desk-event-acknowledged = { $agent } 已受理
desk-event-released = { $agent } 已退回待处理
desk-event-handed_over = { $agent } 已转交给 { $to }
desk-event-note = { $agent } 备注：{ $text }
desk-event-resolved = { $agent } 已处理完成
desk-event-cancelled = 已在自助机取消
desk-event-closed_at_kiosk = 已在自助机关闭
desk-event-reopened = 关闭后再次请求
desk-note = 备注
desk-add-note = 添加备注
desk-release = 退回待处理
desk-hand-over = 转交给

## 工作人员操作的结果
desk-taken = { $agent } 已受理此请求。
desk-already-closed = 此请求已关闭。
desk-gone = 该请求不存在。

## 最近的请求、提醒、连接
desk-col-time = 时间
desk-col-resolved-by = 处理人
desk-alerts-on = 开启提醒
desk-alerts-ready = 提醒已开启
desk-offline = 无法连接工作台：此列表可能不是最新的。
desk-filter = 显示
desk-filter-all = 所有机场
desk-alert-new = 自助机 { $kiosk } 有新请求
desk-alert-escalated = 已升级：自助机 { $kiosk }

## 自助机呼叫工作人员的原因（引擎的原因代码）
desk-reason-passenger_asked = 乘客请求帮助
desk-reason-unhappy_passenger = 乘客不满意（评分较低）
desk-reason-printer_paper_low = 打印纸即将用完
desk-reason-assistance = 请求协助（{ $service }）
desk-reason-booking_not_found = 未找到预订
desk-reason-checkin_not_open = 值机尚未开放
desk-reason-checkin_closed = 值机已截止
desk-reason-flight_cancelled = 航班取消：需要改签
desk-reason-wrong_airport = 航班从其他机场出发
desk-reason-document_expired = 护照有效期不足
desk-reason-document_name_mismatch = 护照姓名与预订不符
desk-reason-document_missing = 缺少旅行证件
desk-reason-visa_required = 需核查签证或旅行许可
desk-reason-address_required = 需要目的地地址
desk-reason-no_board = 当局答复“不得登机”
desk-reason-special_service = 特殊服务申请需由工作人员处理
desk-reason-excess_baggage = 超额行李
desk-reason-bags_closed = 本航班行李托运已截止
desk-reason-no_seat = 无法分配座位
desk-reason-refused = 航空公司系统拒绝值机
desk-reason-reprint_limit = 登机牌重新打印次数过多
desk-reason-check_in_first = 未办理值机，在行李托运处
desk-reason-printer_failure = 打印机故障
desk-reason-airline_system_unavailable = 航空公司系统不可用
desk-reason-print_interrupted = 打印中断（自助机已重启）

## 乘客的办理流程，工作人员在页面、工作台和工作人员模式中看到的名称
step-name-welcome = 欢迎
step-name-identify = 身份识别
step-name-greeting = 问候
step-name-checked_in = 已办理值机
step-name-documents = 旅行证件
step-name-seats = 座位
step-name-bags = 行李
step-name-dangerous_goods = 危险品
step-name-review = 核对
step-name-printing = 打印
step-name-feedback = 评价
step-name-goodbye = 道别

## The boarding pass on a phone (served by the desk)
pass-title = 登机牌
pass-passenger = 旅客
pass-date = 日期
pass-boarding = 登机
pass-departs = 起飞
pass-gate = 登机口
pass-gate-later = 见屏幕
pass-seat = 座位
pass-seat-lap = 怀抱婴儿
pass-sequence = 序号
pass-reference = 订座
pass-show = 在安检和登机口出示此码，屏幕调亮。
pass-apple = 添加到 Apple 钱包
pass-google = 添加到 Google 钱包
pass-link-left = 此链接在 { $time } 前还能打开 { $count } 次。请保存登机牌或截屏。
pass-gone-title = 此链接已无法打开
pass-gone = 为保护您的登机牌，链接只能在几分钟内打开几次。请在自助机上重新扫描，或使用打印的登机牌。

## What staff did at the kiosks
desk-staff-title = 自助机旁的工作人员
desk-col-staff = 工作人员
desk-col-action = 操作
desk-col-detail = 详情
desk-event-staff = { $agent } 在自助机：{ $action }
desk-staff-override = 接受了证件
desk-staff-late_check_in = 关闭后办理值机
desk-staff-reprint = 重新打印了证件
desk-staff-reissue_tag = 更换了行李牌
desk-staff-find_booking = 查询了订座
desk-staff-restart = 重新开始会话
desk-staff-close_kiosk = 关闭了自助机
desk-staff-open_kiosk = 打开了自助机
desk-staff-resolve_help = 解决了求助
desk-staff-sign_out = 退出工作人员模式

## 自助机页面（/fleet）：每台自助机的状态
desk-fleet-link = 自助机
desk-fleet-title = 自助机
desk-fleet-back = 求助请求
desk-fleet-none = 还没有自助机报告。
desk-fleet-summary = { $total } 台中 { $online } 台在线 · { $problems ->
    [0] 无需处理
   *[other] { $problems } 台需要处理
}
desk-fleet-online = 在线
desk-fleet-offline = 自 { $time } 起离线
desk-fleet-out-of-service = 暂停服务
desk-fleet-closed = 工作人员已关闭
desk-fleet-printer = 打印机
desk-fleet-scanner = 扫描器
desk-fleet-reader = 护照阅读器
desk-fleet-headset = 耳机
desk-fleet-device-ok = 正常
desk-fleet-device-low = 纸张不足
desk-fleet-device-out = 缺纸
desk-fleet-device-jammed = 卡纸
desk-fleet-device-fault = 故障
desk-fleet-device-offline = 无响应
desk-fleet-device-unknown = 未报告
desk-fleet-device-connected = 已插入
desk-fleet-device-none = 未插入
desk-fleet-last-checkin = 最近值机 { $time }
desk-fleet-no-checkin = 尚无值机
desk-fleet-hour = 过去一小时：{ $visits } 次使用，{ $failures } 次失败（{ $rate } %）
desk-fleet-help-open = { $count ->
    [0] 没有未处理的求助
   *[other] { $count } 个求助未处理
}
desk-fleet-version = 版本 { $software } · 配置 { $config }
desk-fleet-alert-offline = 失去联系
desk-fleet-alert-printer = 打印机停机
desk-reason-kiosk_offline = 自助机失去联系
desk-reason-printer_out = 自助机打印机停机

## 自助机统计（/fleet/report）
desk-report-link = 统计
desk-report-title = 自助机统计
desk-report-24h = 过去 24 小时
desk-report-7d = 过去 7 天
desk-report-csv = 下载 CSV
desk-report-none = 此期间没有自助机报告会话。
desk-report-total = 会话：{ $sessions } · 完成率：{ $rate }
desk-report-chart-hours = 每小时会话（深色：已完成）
desk-report-chart-airports = 各机场完成的值机
desk-report-by-airport = 按机场
desk-report-by-kiosk = 按自助机
desk-report-by-language = 按语言
desk-report-by-hour = 按小时（UTC）
desk-report-col-sessions = 会话
desk-report-col-completed = 已完成
desk-report-col-rate = 完成率
desk-report-col-help = 求助
desk-report-col-answered = 响应时间（中位数 / 90 %）
desk-report-col-unanswered = 无人响应（等待中位数）

## 集中配置（/fleet/config）
desk-config-link = 配置
desk-config-title = 自助机配置
desk-config-published = 当前已发布
desk-config-none = 尚未发布任何配置：每台自助机使用各自的配置文件。
desk-config-group = 分组
desk-config-version = 版本
desk-config-by = 发布人
desk-config-when = 时间
desk-config-tables = 配置表
desk-config-files = 文件
desk-config-new = 发布配置
desk-config-text = 配置（整张配置表，例如 [branding]、[locales] 或 [timeouts]）
desk-config-add = 新文件存放目录
desk-config-note = 变更内容及原因
desk-config-check = 检查并预览
desk-config-publish = 发布
desk-config-problems = 未发布：请先修正以下问题
desk-config-ok = 已通过全部检查。受影响的屏幕，变更前后对比：
desk-config-done = 已发布：{ $label }。
desk-config-stale = 您打开此表单后，已有人为该分组发布了配置：请先查看其版本。
desk-config-not-publisher = 仅有发布权限的人员（[desk] publishers）可以发布。
desk-config-log = 变更记录
desk-config-by-at = { $agent }，{ $time }
desk-config-refused = 配置被拒绝：{ $label }
desk-config-applied = 配置：{ $label }
desk-config-drawing = 正在绘制各语言的屏幕…
desk-config-same = 没有屏幕发生变化。
desk-config-before = 现在
desk-config-after = 发布后
desk-config-group-all = 所有自助机
desk-config-group-airport = 机场 { $code }
desk-config-group-terminal = 航站 { $code }
desk-config-group-kiosk = 自助机 { $code }
desk-config-layer = { $group } 第 { $version } 版
desk-config-group-none = 未发布
desk-kiosk-alerts = 需要人员处理的自助机
