# Speech mode: what the kiosk says aloud and never shows (see src/ui/speech.rs).
speech-on = 语音已开启。按上下键在按钮之间移动，按回车键选择，按帮助键呼叫工作人员。
speech-off = 语音已关闭。
speech-move = 按上或下键收听按钮，按回车键选择。
speech-button = { $label }，第 { $position } 个按钮，共 { $count } 个
speech-button-selected = { $label }，已选中，第 { $position } 个按钮，共 { $count } 个
speech-button-disabled = { $label }，不可用，第 { $position } 个按钮，共 { $count } 个
speech-rate = 语速已更改。
speech-volume = 音量已更改。
speech-bag-more = 为 { $name } 增加一件行李
speech-bag-fewer = 为 { $name } 减少一件行李
speech-pass = { $name } 的登机牌：航班 { $flight }，座位 { $seat }。
speech-seat-window = 靠窗
speech-seat-aisle = 靠过道
speech-seat-middle = 中间
speech-idle-enter = 按回车键获得更多时间。

## Each language's name in this language, said after its own name (in its own voice) on Welcome
speech-language-en = 英语
speech-language-ur = 乌尔都语
speech-language-ar = 阿拉伯语
speech-language-es = 西班牙语
speech-language-fr = 法语
speech-language-de = 德语
speech-language-hi = 印地语
speech-language-zh = 中文
