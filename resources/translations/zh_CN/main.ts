<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>_actions</name>
    <message>
        <source>Select a loan first.</source>
        <translation>请先选择一项借样。</translation>
    </message>
    <message>
        <source>Select a package first.</source>
        <translation>请先选择一个样品包。</translation>
    </message>
    <message>
        <source>Select a person first.</source>
        <translation>请先选择一位人员。</translation>
    </message>
    <message>
        <source>Select a prepared package first.</source>
        <translation>请先选择一个已备妥的样品包。</translation>
    </message>
    <message>
        <source>Select an aliquot first.</source>
        <translation>请先选择一个分样。</translation>
    </message>
    <message>
        <source>Select an institution first.</source>
        <translation>请先选择一个机构。</translation>
    </message>
    <message>
        <source>Select an open discrepancy first.</source>
        <translation>请先选择一项未处理的差异。</translation>
    </message>
    <message>
        <source>Select one or more aliquots first.</source>
        <translation>请先选择一个或多个分样。</translation>
    </message>
    <message>
        <source>Select the package that arrived first.</source>
        <translation>请先选择已到达的样品包。</translation>
    </message>
</context>
<context>
    <name>_dialogs</name>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <source>Not signed.</source>
        <translation>未签名。</translation>
    </message>
</context>
<context>
    <name>_errors</name>
    <message>
        <source>Cannot do that</source>
        <translation>无法执行此操作</translation>
    </message>
    <message>
        <source>Database busy</source>
        <translation>数据库繁忙</translation>
    </message>
    <message>
        <source>Database from a newer version</source>
        <translation>数据库来自更新的版本</translation>
    </message>
    <message>
        <source>Database is read-only</source>
        <translation>数据库为只读</translation>
    </message>
    <message>
        <source>Database not found</source>
        <translation>找不到数据库</translation>
    </message>
    <message>
        <source>Database problem</source>
        <translation>数据库问题</translation>
    </message>
    <message>
        <source>Import refused</source>
        <translation>导入被拒绝</translation>
    </message>
    <message>
        <source>Not a Lunar Custody database</source>
        <translation>不是 Lunar Custody 数据库</translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation>不允许</translation>
    </message>
    <message>
        <source>Not signed</source>
        <translation>未签名</translation>
    </message>
    <message>
        <source>Something went wrong inside Lunar Custody. What you were doing was not saved half-way: every operation is one transaction.</source>
        <translation>Lunar Custody 内部出错。您正在进行的操作不会只保存一半：每项操作都是一个完整的事务。</translation>
    </message>
    <message>
        <source>The details are in the log file:
{path}
Please send it to whoever looks after the program.</source>
        <translation>详细信息见日志文件：
{path}
请将其发送给本程序的维护人员。</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
</context>
<context>
    <name>_help</name>
    <message>
        <source>&amp;Copy the path</source>
        <translation>复制路径(&amp;C)</translation>
    </message>
    <message>
        <source>A barcode scanner types the code and Enter in any field that picks items; Escape closes a dialog without doing anything.</source>
        <translation>在任何用于选取物品的字段中，条码扫描器会输入编码并按回车；按 Esc 关闭对话框而不执行任何操作。</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Lunar Custody writes what goes wrong (and the start of each session) to this file. Send it to whoever looks after the installation when something fails:</source>
        <translation>Lunar Custody 会把出现的问题（以及每次会话的开始）写入此文件。出现故障时，请将其发送给本站点的维护人员：</translation>
    </message>
    <message>
        <source>Lunar Custody: user guide</source>
        <translation>Lunar Custody：用户指南</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>菜单</translation>
    </message>
    <message>
        <source>Search: a key or an action</source>
        <translation>搜索：按键或操作</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Where is the log?</source>
        <translation>日志在哪里？</translation>
    </message>
    <message>
        <source>shortcut</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>the current view</source>
        <translation>当前视图</translation>
    </message>
</context>
<context>
    <name>_main_window</name>
    <message>
        <source>  DEMO DATA — not real samples  </source>
        <translation>  演示数据——并非真实样品  </translation>
    </message>
    <message>
        <source>&amp;About Lunar Custody</source>
        <translation>关于 Lunar Custody(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Actions</source>
        <translation>操作(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Back up…</source>
        <translation>备份(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Courier mode…</source>
        <translation>押运员模式(&amp;C)…</translation>
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
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Go to number…</source>
        <translation>按编号转到(&amp;G)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Import exchange file…</source>
        <translation>导入交换文件(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts…</source>
        <translation>键盘快捷键(&amp;K)…</translation>
    </message>
    <message>
        <source>&amp;New loan…</source>
        <translation>新建借样(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Partners…</source>
        <translation>合作机构(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Switch user…</source>
        <translation>切换用户(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>用户指南(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Verify ledger…</source>
        <translation>核验保管台账(&amp;V)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Where is the log?</source>
        <translation>日志在哪里？(&amp;W)</translation>
    </message>
    <message>
        <source>A short guide to the views and what each role does</source>
        <translation>各视图及各角色职责的简要指南</translation>
    </message>
    <message>
        <source>About Lunar Custody</source>
        <translation>关于 Lunar Custody</translation>
    </message>
    <message>
        <source>Aliquot, sample, loan or package number, or a seal; then Enter</source>
        <translation>分样、样品、借样或样品包编号，或封签号；然后按回车</translation>
    </message>
    <message>
        <source>Back up</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Back up the database</source>
        <translation>备份数据库</translation>
    </message>
    <message>
        <source>Backed up {database} to {file}.</source>
        <translation>已将 {database} 备份到 {file}。</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>备份已恢复</translation>
    </message>
    <message>
        <source>Copy the whole database to a file</source>
        <translation>将整个数据库复制到一个文件</translation>
    </message>
    <message>
        <source>Copying {database}…</source>
        <translation>正在复制 {database}…</translation>
    </message>
    <message>
        <source>Every shortcut of this window and the current view</source>
        <translation>本窗口及当前视图的全部快捷键</translation>
    </message>
    <message>
        <source>From any view: check the hash chain, every record and signature, and the database</source>
        <translation>可在任一视图使用：检查哈希链、每条记录和签名以及数据库</translation>
    </message>
    <message>
        <source>From any view: draft a loan of aliquots to a borrower</source>
        <translation>可在任一视图使用：起草一份向借用方出借分样的借样</translation>
    </message>
    <message>
        <source>From any view: open the aliquot, sample, loan or package with a number, a seal or a scanned label</source>
        <translation>可在任一视图使用：按编号、封签号或扫描的标签打开分样、样品、借样或样品包</translation>
    </message>
    <message>
        <source>Go to number</source>
        <translation>按编号转到</translation>
    </message>
    <message>
        <source>Hand this workstation to the next person, who signs in</source>
        <translation>将本工作站交给下一位人员，由其登录</translation>
    </message>
    <message>
        <source>Language, and the label format the print dialogs offer first</source>
        <translation>界面语言，以及打印对话框默认提供的标签格式</translation>
    </message>
    <message>
        <source>Lunar Custody backups (*.db *.dump *.lcexport);;All files (*)</source>
        <translation>Lunar Custody 备份 (*.db *.dump *.lcexport);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Lunar Custody {version}

Chain of custody for loaned lunar samples: every microgram, every handoff, every signature, in an append-only hash-chained ledger.

Database: {database}</source>
        <translation>Lunar Custody {version}

出借月球样品的保管链：每一微克、每一次交接、每一个签名，都记入只可追加、以哈希链相连的保管台账。

数据库：{database}</translation>
    </message>
    <message>
        <source>Partner installations, their introductions, and every exchange file sent or received</source>
        <translation>合作机构的站点、其引荐文件，以及发送或接收的每个交换文件</translation>
    </message>
    <message>
        <source>Preview, then import, a signed file from a partner installation (or drop the file on this window)</source>
        <translation>预览并导入来自合作机构站点的已签名文件（也可将文件拖放到本窗口）</translation>
    </message>
    <message>
        <source>Read every record again (another workstation may have written)</source>
        <translation>重新读取所有记录（其他工作站可能已写入）</translation>
    </message>
    <message>
        <source>Replace every record in {database} with those of the backup {file}?

The backup is checked first. The records the database holds now are kept in a copy, and everyone signs in again afterwards.</source>
        <translation>用备份 {file} 中的记录替换 {database} 中的全部记录？

将先检查该备份。数据库当前的记录会保留一份副本，之后所有人需重新登录。</translation>
    </message>
    <message>
        <source>Replace the records with a backup&apos;s</source>
        <translation>用备份中的记录替换现有记录</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Restoring {file} into {database}…</source>
        <translation>正在将 {file} 恢复到 {database}…</translation>
    </message>
    <message>
        <source>Scan a label or type a number:</source>
        <translation>扫描标签或输入编号：</translation>
    </message>
    <message>
        <source>Show {view}</source>
        <translation>显示{view}</translation>
    </message>
    <message>
        <source>The courier&apos;s full-screen window, for a handoff at this desk</source>
        <translation>押运员的全屏窗口，用于在本工作台交接</translation>
    </message>
    <message>
        <source>The current list&apos;s search box (on the dashboard: go to a number)</source>
        <translation>当前列表的搜索框（在仪表板上：按编号转到）</translation>
    </message>
    <message>
        <source>The log file&apos;s place</source>
        <translation>日志文件的位置</translation>
    </message>
    <message>
        <source>Version and database</source>
        <translation>版本和数据库</translation>
    </message>
    <message>
        <source>{person} ({roles}) · {institution}</source>
        <translation>{person}（{roles}）· {institution}</translation>
    </message>
</context>
<context>
    <name>_operations</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>{done} of {total} {unit}</source>
        <translation>{done} / {total} {unit}</translation>
    </message>
    <message>
        <source>{work} cancelled.</source>
        <translation>{work}已取消。</translation>
    </message>
</context>
<context>
    <name>_pdf_preview</name>
    <message>
        <source>&amp;Open in viewer</source>
        <translation>在查看器中打开(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Save as…</source>
        <translation>另存为(&amp;S)…</translation>
    </message>
    <message numerus="yes">
        <source>Document {number} · %n page(s) · recorded with SHA-256 {sha256}…; an exact copy verifies with {command}.</source>
        <translation>
            <numerusform>文档 {number} · 共 %n 页 · 已记录 SHA-256 {sha256}…；完全相同的副本可用 {command} 核验。</numerusform>
        </translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>No PDF viewer</source>
        <translation>没有 PDF 查看器</translation>
    </message>
    <message>
        <source>No program to open PDF files was found. The file is {file}.</source>
        <translation>找不到可打开 PDF 文件的程序。文件位于 {file}。</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Print the labels on:</source>
        <translation>标签打印在：</translation>
    </message>
    <message>
        <source>Save the PDF as</source>
        <translation>将 PDF 另存为</translation>
    </message>
    <message>
        <source>The printer could not be opened.</source>
        <translation>无法打开打印机。</translation>
    </message>
    <message>
        <source>{title}: {file}</source>
        <translation>{title}：{file}</translation>
    </message>
</context>
<context>
    <name>_settings</name>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>2 x 1 inch labels on a roll</source>
        <translation>卷装 2 × 1 英寸标签</translation>
    </message>
    <message>
        <source>A new language applies the next time Lunar Custody starts.</source>
        <translation>新的语言将在下次启动 Lunar Custody 时生效。</translation>
    </message>
    <message>
        <source>A4 sheet of 4 x 10 labels</source>
        <translation>A4 纸，每张 4 × 10 个标签</translation>
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
<context>
    <name>_signature</name>
    <message>
        <source>&amp;Sign</source>
        <translation>签名(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Undo stroke</source>
        <translation>撤销笔画(&amp;U)</translation>
    </message>
    <message>
        <source>4 to 8 digits</source>
        <translation>4 至 8 位数字</translation>
    </message>
    <message>
        <source>&lt;b&gt;Meaning of this signature:&lt;/b&gt; {meaning}</source>
        <translation>&lt;b&gt;此签名的含义：&lt;/b&gt;{meaning}</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>清除(&amp;L)</translation>
    </message>
    <message>
        <source>Drawn signature (optional):</source>
        <translation>手写签名（可选）：</translation>
    </message>
    <message>
        <source>PIN:</source>
        <translation>PIN 码：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Sign here with the mouse, a stylus or a finger</source>
        <translation>请用鼠标、触控笔或手指在此签名</translation>
    </message>
    <message>
        <source>Sign: {meaning}</source>
        <translation>签名：{meaning}</translation>
    </message>
    <message>
        <source>Signer (user name):</source>
        <translation>签名人（用户名）：</translation>
    </message>
    <message>
        <source>Signing records your printed name, the date and time (UTC) and this meaning, bound to the content shown above.</source>
        <translation>签名将记录您的正楷姓名、日期和时间（UTC）以及此含义，并与上方显示的内容绑定。</translation>
    </message>
    <message>
        <source>What you are signing:</source>
        <translation>您正在签署的内容：</translation>
    </message>
</context>
<context>
    <name>_signin</name>
    <message>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <source>Administrator full name:</source>
        <translation>管理员全名：</translation>
    </message>
    <message>
        <source>Administrator user name:</source>
        <translation>管理员用户名：</translation>
    </message>
    <message>
        <source>Country:</source>
        <translation>国家/地区：</translation>
    </message>
    <message>
        <source>Lender code:</source>
        <translation>出借方代码：</translation>
    </message>
    <message>
        <source>Lender name:</source>
        <translation>出借方名称：</translation>
    </message>
    <message>
        <source>Lunar Custody — new database</source>
        <translation>Lunar Custody — 新数据库</translation>
    </message>
    <message>
        <source>Name in local script:</source>
        <translation>本地文字名称：</translation>
    </message>
    <message>
        <source>PIN:</source>
        <translation>PIN 码：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Repeat password:</source>
        <translation>再次输入密码：</translation>
    </message>
    <message>
        <source>Sign in to &lt;b&gt;{database}&lt;/b&gt;</source>
        <translation>登录到 &lt;b&gt;{database}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Sign in — {database}</source>
        <translation>登录 — {database}</translation>
    </message>
    <message>
        <source>This database is new. Name the lending curation facility and create its first administrator, who will then add the other institutions and people.</source>
        <translation>这是一个新数据库。请填写出借样品的保藏机构，并创建其第一位管理员，由管理员再添加其他机构和人员。</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message numerus="yes">
        <source>at least %n characters</source>
        <translation>
            <numerusform>至少 %n 个字符</numerusform>
        </translation>
    </message>
    <message>
        <source>e.g. CNSA</source>
        <translation>例如 CNSA</translation>
    </message>
    <message>
        <source>e.g. 国家航天局 (optional)</source>
        <translation>例如 国家航天局（可选）</translation>
    </message>
</context>
<context>
    <name>_startup</name>
    <message>
        <source>Lunar Custody stopped unexpectedly</source>
        <translation>Lunar Custody 意外停止</translation>
    </message>
    <message>
        <source>Lunar Custody stopped unexpectedly the last time it ran. Every confirmed operation was saved: each is one transaction.

Show what was recorded about the crash?</source>
        <translation>Lunar Custody 上次运行时意外停止。每项已确认的操作都已保存：每项操作都是一个事务。

是否显示有关此次崩溃的记录？</translation>
    </message>
    <message>
        <source>Python&apos;s stacks at the moment of the crash are below, and in the log file. Please send them to whoever looks after the program.</source>
        <translation>崩溃时的 Python 调用栈见下方及日志文件。请将其发送给本程序的维护人员。</translation>
    </message>
    <message>
        <source>What was recorded about the crash</source>
        <translation>有关崩溃的记录</translation>
    </message>
</context>
<context>
    <name>_tablemodel</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the roles of a person</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Aliquot</source>
        <translation>分样</translation>
    </message>
    <message>
        <source>Aliquots</source>
        <translation>分样数</translation>
    </message>
    <message>
        <source>Borrower</source>
        <translation>借用方</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Collection container</source>
        <translation>采集容器</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>容器</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家/地区</translation>
    </message>
    <message>
        <source>Courier</source>
        <translation>押运员</translation>
    </message>
    <message>
        <source>Courier #</source>
        <translation>押运员编号</translation>
    </message>
    <message>
        <source>Custodian</source>
        <translation>保管方</translation>
    </message>
    <message>
        <source>Custodian #</source>
        <translation>保管方编号</translation>
    </message>
    <message>
        <source>Destructive analysis</source>
        <translation>破坏性分析</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>预期质量</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>形态</translation>
    </message>
    <message>
        <source>From</source>
        <translation>发件方</translation>
    </message>
    <message>
        <source>Hash</source>
        <translation>哈希值</translation>
    </message>
    <message>
        <source>Held by</source>
        <translation>持有人</translation>
    </message>
    <message>
        <source>Held in aliquots</source>
        <translation>分样中质量</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>In children</source>
        <translation>子分样中质量</translation>
    </message>
    <message>
        <source>Initial</source>
        <translation>初始质量</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>借样项</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>种类</translation>
    </message>
    <message>
        <source>Loan</source>
        <translation>借样</translation>
    </message>
    <message>
        <source>Loan status</source>
        <translation>借样状态</translation>
    </message>
    <message>
        <source>Local name</source>
        <translation>本地名称</translation>
    </message>
    <message>
        <source>Locked until</source>
        <translation>锁定至</translation>
    </message>
    <message>
        <source>Mass</source>
        <translation>质量</translation>
    </message>
    <message>
        <source>Measured</source>
        <translation>实测质量</translation>
    </message>
    <message>
        <source>Mission</source>
        <translation>采样任务</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>新值</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Old value</source>
        <translation>原值</translation>
    </message>
    <message>
        <source>Original mass</source>
        <translation>原始质量</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>未了结</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>所有方</translation>
    </message>
    <message>
        <source>Owner #</source>
        <translation>所有方编号</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>母体</translation>
    </message>
    <message>
        <source>Principal investigator</source>
        <translation>项目负责人</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>提出时间</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <source>Receiver</source>
        <translation>接收人</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Recorded at</source>
        <translation>记录站点</translation>
    </message>
    <message>
        <source>Released</source>
        <translation>发出时间</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Sample</source>
        <translation>样品</translation>
    </message>
    <message>
        <source>Seal</source>
        <translation>封签号</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>To</source>
        <translation>收件方</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>转运</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
</context>
<context>
    <name>_tables</name>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>{shown} of {total} {noun}</source>
        <translation>{noun}：{shown} / {total}</translation>
    </message>
</context>
<context>
    <name>_widgets</name>
    <message>
        <source>Cannot read {file}: {reason}</source>
        <translation>无法读取 {file}：{reason}</translation>
    </message>
    <message>
        <source>Cannot write {file}: {reason}</source>
        <translation>无法写入 {file}：{reason}</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.heic *.webp)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.heic *.webp)</translation>
    </message>
    <message>
        <source>Photo of the package</source>
        <translation>样品包照片</translation>
    </message>
    <message>
        <source>Scan or type a number, then Enter</source>
        <translation>扫描或输入编号，然后按回车</translation>
    </message>
    <message>
        <source>The photo is {size} MB; attach one of at most {most} MB.</source>
        <translation>照片大小为 {size} MB；请附加不超过 {most} MB 的照片。</translation>
    </message>
    <message>
        <source>The two passwords differ; type them again.</source>
        <translation>两次输入的密码不一致，请重新输入。</translation>
    </message>
    <message>
        <source>Type the password again.</source>
        <translation>请再次输入密码。</translation>
    </message>
    <message>
        <source>{count} {noun}</source>
        <comment>a list&apos;s count</comment>
        <translation>{noun}：{count}</translation>
    </message>
</context>
</TS>
