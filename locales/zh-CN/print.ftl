# Labels on printed documents in Simplified Chinese. Each label is printed in the passenger's
# language and, when that is not English, in English too.
print-boarding-pass = 登机牌
print-name = 姓名
print-from = 出发
print-to = 到达
print-flight = 航班
print-date = 日期
print-boarding = 登机
print-departure = 起飞
print-gate = 登机口
print-zone = 区域
print-seat = 座位
print-sequence = 序号
print-booking = 预订编号
print-eticket = 电子客票
print-bag-tag = 行李条
print-bag-receipt = 行李凭条
print-bags = { $count ->
   *[other] { $count } 件行李
}
print-gate-closes = 起飞前 15 分钟关闭登机口
print-reprint = 副本
print-class = 舱位
print-cabin-J = 公务舱
print-cabin-Y = 经济舱
print-frequent-flyer = 常旅客
