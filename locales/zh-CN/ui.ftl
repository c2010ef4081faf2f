# The kiosk's screens in Simplified Chinese. Names ($name, $agent) arrive in Latin letters as the airline holds them.

language-name = 中文

## Bars and the controls on every screen
help = 帮助
back = 返回
start-over = 重新开始
start-over-title = 重新开始？
start-over-body = 您输入的信息将全部清除。
start-over-keep = 继续值机
start-over-confirm = 确定重新开始
larger-text = 大字体
normal-text = 标准字体
high-contrast = 高对比度
normal-contrast = 标准颜色
step-of = 第 { $step } 步，共 { $steps } 步

## Help
help-on-the-way = 工作人员正在赶来
help-queued = 您的请求已保存。请留在此处，我们马上通知工作人员。
help-delivered = 工作人员已收到通知，将前来这台自助机。
help-acknowledged = { $agent } 正在赶来。
help-resolved = 您的请求已关闭。希望对您有所帮助。
help-fallback = 此处无法联系工作人员。请前往 { $desk }。
help-fallback-any-desk = 无法从这里联系到工作人员。请前往值机柜台。
help-not-reached = 暂时无法联系到工作人员
help-cancel = 取消请求

## Idle
idle-title = 您需要更多时间吗？
idle-countdown = { $seconds ->
   *[other] 为保护您的隐私，本次值机将在 { $seconds } 秒后结束。
}
idle-more = 延长时间
idle-end = 立即结束

## Welcome
welcome-title = 欢迎乘坐 { $airline }
welcome-subtitle = 办理值机、选择座位并打印登机牌。
welcome-start = 轻触开始
welcome-language = 请选择语言
out-of-service = 本机暂时无法打印。请使用其他自助机，或咨询工作人员。

## Identify
identify-title = 查找您的预订
identify-scan-hint = 您也可以随时扫描护照或登机牌。
method-booking = 预订编号
method-eticket = 电子客票号
method-ff = 常旅客卡号
method-passport = 护照
method-boarding-pass = 登机牌
field-reference = 预订编号
field-reference-hint = 6 位字母和数字，例如 ABC123
field-surname = 姓
field-eticket = 电子客票号
field-eticket-hint = 13 位数字
field-ff = 常旅客卡号
identify-find = 查找我的预订
identify-passport = 请将护照放在读取器上，照片页朝下。
identify-boarding-pass = 请将登机牌上的条码放在读取器下方。
identify-reading = 正在读取……
key-space = 空格
key-backspace = 删除
key-clear = 清除

notice-invalid-reference = 预订编号由 6 位字母和数字组成，例如 ABC123。
notice-invalid-eticket = 电子客票号为 13 位数字。
notice-invalid-ff = 请检查常旅客卡号。
notice-invalid-surname = 请按预订中的写法输入您的姓。
notice-no-passenger = 请至少选择一位乘客。
notice-child-needs-adult = 儿童或婴儿须由成人陪同，请同时选择该成人。
notice-seat-taken = 座位 { $seat } 刚刚已被选走。请选择其他座位。
notice-seat-not-in-cabin = 座位 { $seat } 位于其他舱位。
notice-exit-row-not-allowed = 此座位位于紧急出口排，该乘客不能选择。
notice-not-identity = 这不是护照或身份证。
notice-devices-paused = 自助机的打印机和读取器暂时没有响应。请稍候：您输入的内容不会丢失。

## Greeting
greeting-hello = 欢迎您，{ $name }
greeting-flight = 航班 { $flight } 前往 { $destination }，{ $time } 起飞
greeting-connection = 随后转乘 { $flight } 前往 { $destination }
greeting-select = 现在为哪位乘客办理值机？
greeting-infant = 由 { $adult } 怀抱
greeting-child = 儿童
greeting-checked-in = 已办理值机
continue = 继续

## Documents
documents-title = 旅行证件
documents-on-file = { $kind } { $number }，有效期至 { $date }
documents-confirm = 这是我的证件
documents-not-mine = 不是我的证件
documents-scan = 请扫描 { $name } 的护照。
documents-accepted = 已核验
documents-passport = 护照
documents-id-card = 身份证

## Seats
seats-title = 选择座位
seats-flight = 航班 { $flight } 前往 { $destination }
seats-for = 选座乘客
seats-list = 显示座位列表
seats-map = 显示座位图
seats-keep = 确认座位
seats-row = 第 { $row } 排
legend-free = 可选
legend-taken = 已占用
legend-selected = 您的选择
legend-exit = 紧急出口
seats-none-free = 没有空座位
exit-title = 紧急出口排
exit-question = 紧急出口排座位仅限年满 15 岁、有能力且愿意在紧急情况下协助打开出口、且自身无需额外帮助的乘客。{ $name } 是否符合？
exit-yes = 是，我可以协助
exit-no = 否，选择其他座位

## Bags
bags-title = 托运行李
bags-allowance = { $count ->
    [0] 不含托运行李
   *[other] 含 { $count } 件托运行李
}
bags-count = { $count ->
    [0] 无行李
   *[other] { $count } 件行李
}
bags-already-checked = 已托运 { $count } 件行李
bags-fewer = 减少行李
bags-more = 增加行李
bags-hint = 手提行李不计入此处。

## Dangerous goods
dg-title = 行李中禁止携带的物品
dg-body = 为了大家的安全，以下物品不得放入托运行李，其中大多数也不得随身携带。
dg-batteries = 备用锂电池和充电宝（仅限随身携带）
dg-flammable = 易燃液体和固体
dg-gas = 气瓶和喷雾罐
dg-explosives = 爆炸物和烟花
dg-toxic = 毒药和有毒物质
dg-corrosive = 腐蚀性物品和酸类
dg-confirm = 我确认我的行李中没有以上物品

## Review
review-title = 请核对
review-seat = 座位 { $seat }
review-no-seat = 座位将在值机时分配
review-bags = { $count ->
    [0] 无托运行李
   *[other] { $count } 件托运行李
}
review-confirm = 值机并打印
review-confirm-tags = 打印行李牌

## Printing
printing-title = 正在为您办理值机……
printing-body = 正在打印您的登机牌。

## Feedback
feedback-take = 请取走您的登机牌
feedback-take-bags = 请取走您的登机牌和行李条
feedback-title = 今天的值机体验如何？
feedback-1 = 很差
feedback-2 = 较差
feedback-3 = 一般
feedback-4 = 好
feedback-5 = 很好
feedback-skip = 跳过
feedback-sorry = 非常抱歉。您想现在与工作人员交谈，还是告诉我们哪里出了问题？
feedback-talk = 现在与工作人员交谈
feedback-comment = 写一条简短意见
feedback-send = 发送
feedback-no-thanks = 不用了，谢谢
feedback-review = 谢谢！如果您愿意，可扫描此码为我们评价。

## Goodbye
goodbye-title = 祝您旅途愉快，{ $name }！
goodbye-gate = 登机口 { $gate }，{ $time } 开始登机
goodbye-gate-later = { $time } 开始登机；登机口将在屏幕上显示。
goodbye-bags = 请贴好行李条，并将行李送到行李托运处。
goodbye-done = 完成

## Exception screens
exception-title = 请稍候
choice-try-again = 重试
choice-another-way = 换一种方式
choice-staff = 呼叫工作人员
choice-continue-without-bags = 不托运行李，继续

## The kiosk closed by staff
kiosk-closed = 本机已关闭。请使用其他自助机，或咨询工作人员。

## Offered after a passport scan
offer-language = 是否使用{ $language }继续？

## Dates and cities as this language writes them (a city the list lacks keeps the airline's name).
date-day-month = { $month }月{ $day }日
date-full = { $year }年{ $month }月{ $day }日
city-YUL = 蒙特利尔
city-YYZ = 多伦多
city-LHE = 拉合尔
city-DXB = 迪拜
city-LHR = 伦敦
city-ARN = 斯德哥尔摩
city-JFK = 纽约
city-EDI = 爱丁堡
city-MAD = 马德里
city-FRA = 法兰克福
# Speech mode, when the headset is pulled out (drawn on the screen).
speech-unplugged = 耳机已拔出：语音已暂停。重新插入耳机即可继续收听。
speech-continue-on-screen = 在屏幕上继续

## Checked in already: the passes again, more bags, another seat
checked-in-title = { $name }，您已办理值机
checked-in-body = 您的座位和行李如下。请选择：
checked-in-seat = 航班 { $flight }：座位 { $seat }
checked-in-bags = { $count ->
    [0] 尚未托运行李
   *[other] 已托运 { $count } 件行李
}
checked-in-reprint = { $count ->
   *[other] 重新打印登机牌
}
checked-in-add-bags = 添加行李
checked-in-change-seat = 更换座位
bag-drop-nothing = 您的行李额已用完。工作人员可以为您提供帮助。

## The boarding pass on a phone (Goodbye, checked in already)
checked-in-phone = 手机登机牌
phone-pass-waiting = 正在取得手机码…
phone-pass-scan = 用手机相机扫描此码，登机牌就在您的手机上。
identify-staff = 工作人员查询（{ $staff }）：只需订座编号。
