# 自助机上的工作人员模式：供航空公司工作人员使用。

staff-sign-in = 工作人员登录
staff-number = 工号
staff-pin = 密码
staff-enter = 登录
staff-cancel = 取消
staff-wrong = 工号或密码错误。{ $left ->
   *[other] 还可尝试 { $left } 次，之后工作人员模式将被锁定。
}
staff-locked = 密码错误次数过多，工作人员模式已锁定至 { $time }。
staff-title = 工作人员模式 — { $name }
staff-step = 步骤：{ $step }
staff-exception = 异常：{ $exception }
staff-none = 无
staff-printer-ok = 打印机：就绪
staff-printer-fault = 打印机：{ $detail }
staff-help = 帮助请求：{ $status }
staff-help-none = 无待处理请求
staff-help-acknowledged = 已由 { $agent } 受理
staff-help-delivered = 已送达，等待工作人员
staff-help-fallback = 未送达（已请乘客前往柜台）
staff-help-queued = 排队发送中
staff-kiosk-open = 自助机：开放
staff-kiosk-closed = 自助机：暂停为乘客服务
staff-override = 接受该证件：
staff-reason-checked = 证件已由本人核验
staff-reason-permit = 已查看签证或许可
staff-reason-address = 已登记地址
staff-reprint = 重新打印单据
staff-restart = 重新开始本次会话
staff-close = 关闭自助机
staff-open = 开放自助机
staff-resolve = 帮助请求处理完成
staff-leave = 退出工作人员模式
staff-config-error = 配置文件的最近一次修改未生效（仍使用之前的配置）：{ $error }
staff-document-of = { $passenger }：证件上的姓名为 { $document }
staff-late = 值机已关闭。仍然办理值机：
staff-late-gate = 登机口同意接收旅客
staff-late-connection = 转机航班晚到
staff-late-manager = 值班经理已批准
staff-reissue-tag = 更换行李牌 { $plate }（{ $passenger }）
staff-find = 查询订座（仅编号）
