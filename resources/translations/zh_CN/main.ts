<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>_main_window</name>
    <message>
        <source>&amp;Actions</source>
        <translation>操作(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Language, and the label format the print dialogs offer first</source>
        <translation>界面语言，以及打印对话框默认提供的标签格式</translation>
    </message>
</context>
<context>
    <name>_settings</name>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>A new language applies the next time Lunar Custody starts.</source>
        <translation>新的语言将在下次启动 Lunar Custody 时生效。</translation>
    </message>
    <message>
        <source>Label &amp;format:</source>
        <translation>标签格式(&amp;F)：</translation>
    </message>
    <message>
        <source>Numbers and dates:</source>
        <translation>数字和日期：</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>System default ({language})</source>
        <translation>系统默认（{language}）</translation>
    </message>
    <message>
        <source>This run is in the language {language}, set by {variable} (or --lang), which wins over this choice.</source>
        <translation>本次运行使用 {variable}（或 --lang）指定的语言 {language}，优先于此处的选择。</translation>
    </message>
</context>
</TS>
