# What the kiosk says in Simplified Chinese when a check-in meets an exception. One message per
# exception reason (the engine's stable codes); the GUI shows these on the exception screens and
# the headless check-in prints them.
#
# Variables: $attempts (failed look-ups), $time (a local time such as "14:35, 23 Nov"),
# $airport (IATA code), $service (SSR code), $allowed and $asked (bags), $detail (free text).
# Chinese has only the plural category "other"; [1] is an exact match for the first look-up.

booking_not_found = { $attempts ->
    [1] 未找到与这些信息相符的预订。请检查后重试，或换一种方式。
   *[other] 仍未找到预订（已尝试 { $attempts } 次）。请换一种方式，或寻求帮助。
}
checkin_not_open = 本航班将于 { $time }（当地时间）开放值机。请届时再来。
checkin_closed = 本航班已于 { $time }（当地时间）截止值机。工作人员仍可为您办理。
flight_cancelled = 本航班已取消。
wrong_airport = 本航班从 { $airport } 出发。本机仅办理从本机场出发的航班。
document_expired = 此护照将在您的行程结束前过期。
document_name_mismatch = 此护照上的姓名与预订不符。
document_missing = 本次行程需要护照或身份证。请扫描证件，照片页朝下。
visa_required = 前往该目的地需要签证或旅行许可，但我们没有相关记录。
address_required = 目的地要求提供您在当地的地址，但我们没有记录。
no_board = 目的地当局未允许该乘客登机。
special_service = 您的预订包含一项服务（{ $service }），需由工作人员与您一起完成。
excess_baggage = { $asked } 件行李超过了您机票包含的 { $allowed } 件。请更改行李件数，或由工作人员为您办理超出部分。
bags_closed = 本航班已停止接收托运行李。您可以不托运行李继续，或咨询工作人员。
no_seat = 已没有合适的空座位。
refused = 航空公司系统无法为您办理值机（{ $detail }）。
reprint_limit = 您的登机牌重新打印次数已达上限。工作人员将为您打印。
check_in_first = 您尚未办理值机。这里是行李托运处：请到值机自助机办理值机，或咨询工作人员。
printer_failure = 打印机出现故障。您已完成值机。
airline_system_unavailable = 暂时无法连接航空公司系统。请稍后重试。

# When a scanned document cannot be read (documents::MrzError::message_id).
mrz-unreadable = 无法读取护照。请将护照平放在读取器上，照片页朝下。
mrz-not-a-travel-document = 这不是护照或身份证。请扫描护照的照片页。
mrz-check-failed = 无法准确读取护照。请重新扫描，或寻求帮助。
scan-unreadable = 无法读取。请再次扫描您的登机牌或护照的照片页。
