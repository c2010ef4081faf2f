# 工作人员工作台：工作人员在手机或办公电脑上查看的网页。每位工作人员的浏览器语言决定所用语言
# （否则使用 [desk] 的默认语言）。

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
desk-reason-printer_failure = 打印机故障
desk-reason-airline_system_unavailable = 航空公司系统不可用
desk-reason-print_interrupted = 打印中断（自助机已重启）

## 乘客的办理流程，工作人员在页面、工作台和工作人员模式中看到的名称
step-name-welcome = 欢迎
step-name-identify = 身份识别
step-name-greeting = 问候
step-name-documents = 旅行证件
step-name-seats = 座位
step-name-bags = 行李
step-name-dangerous_goods = 危险品
step-name-review = 核对
step-name-printing = 打印
step-name-feedback = 评价
step-name-goodbye = 道别
