<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>_courier_check</name>
    <message>
        <source>Aliquot</source>
        <translation>分样</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>核对</translation>
    </message>
    <message>
        <source>Check ({done} of {total} scanned)</source>
        <translation>核对（已扫描 {done}/{total}）</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>容器</translation>
    </message>
    <message>
        <source>Continue to signatures</source>
        <translation>继续签名</translation>
    </message>
    <message>
        <source>MISSING — scan it</source>
        <translation>缺失 — 请扫描</translation>
    </message>
    <message>
        <source>Mass</source>
        <translation>质量</translation>
    </message>
    <message>
        <source>NOT ON MANIFEST</source>
        <translation>不在装箱清单上</translation>
    </message>
    <message>
        <source>Put aside: {numbers}. It stays here.</source>
        <translation>已单独放置：{numbers}。留在此处，不随包运送。</translation>
    </message>
    <message>
        <source>Put unexpected items aside</source>
        <translation>将多出的物品单独放置</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>扫描</translation>
    </message>
    <message>
        <source>Scan each aliquot, then the seal. Missing or unexpected items show in red.</source>
        <translation>逐一扫描分样，再扫描封签。缺失或多出的物品以红色显示。</translation>
    </message>
    <message>
        <source>Scan or type an aliquot, then Enter</source>
        <translation>扫描或输入分样号，然后按回车</translation>
    </message>
    <message>
        <source>Seal:</source>
        <translation>封签：</translation>
    </message>
    <message>
        <source>That is this package&apos;s own label. Now scan each aliquot in it.</source>
        <translation>这是本样品包自身的标签。现在请逐一扫描包内的分样。</translation>
    </message>
    <message>
        <source>That label belongs to package {number}, not to this one.</source>
        <translation>该标签属于样品包 {number}，不属于本样品包。</translation>
    </message>
    <message>
        <source>The package travels sealed: check the seal number on it.</source>
        <translation>样品包封签状态下运送：请核对包上的封签号。</translation>
    </message>
    <message>
        <source>To {institution} · seal {seal}</source>
        <translation>送往 {institution} · 封签 {seal}</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>未核对</translation>
    </message>
    <message>
        <source>scanned</source>
        <translation>已扫描</translation>
    </message>
    <message>
        <source>seal no.</source>
        <translation>封签号</translation>
    </message>
    <message>
        <source>sealed inside</source>
        <translation>封于包内</translation>
    </message>
    <message>
        <source>{number} is not on this manifest. Put it aside: it must not travel in this package.</source>
        <translation>{number} 不在本装箱清单上。请单独放置：它不得随本样品包运送。</translation>
    </message>
    <message>
        <source>{number} is ticked off already.</source>
        <translation>{number} 已核对过。</translation>
    </message>
    <message>
        <source>✓ Seal {seal} matches the package.</source>
        <translation>✓ 封签 {seal} 与样品包相符。</translation>
    </message>
    <message>
        <source>✓ matches</source>
        <translation>✓ 相符</translation>
    </message>
    <message>
        <source>✓ {number} ticked off: all {total} are here.</source>
        <translation>✓ {number} 已核对：全部 {total} 个均在。</translation>
    </message>
    <message>
        <source>✓ {number} ticked off: {done} of {total}.</source>
        <translation>✓ {number} 已核对：{done}/{total}。</translation>
    </message>
    <message>
        <source>✗ WRONG SEAL</source>
        <translation>✗ 封签不符</translation>
    </message>
</context>
<context>
    <name>_courier_delivery</name>
    <message>
        <source>Add photo from file…</source>
        <translation>从文件添加照片…</translation>
    </message>
    <message>
        <source>Aliquot</source>
        <translation>分样</translation>
    </message>
    <message>
        <source>Book mass</source>
        <translation>账面质量</translation>
    </message>
    <message>
        <source>Check the seal</source>
        <translation>检查封签</translation>
    </message>
    <message>
        <source>Compare the seal on the package with the one recorded at release: {seal}.</source>
        <translation>将样品包上的封签与发出时记录的封签比对：{seal}。</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Continue to signature</source>
        <translation>继续签名</translation>
    </message>
    <message>
        <source>Describe what you see in the note.</source>
        <translation>请在备注中描述您看到的情况。</translation>
    </message>
    <message>
        <source>Measured</source>
        <translation>实测</translation>
    </message>
    <message>
        <source>No photo (optional)</source>
        <translation>无照片（可选）</translation>
    </message>
    <message>
        <source>Photo: {name} ({size} KB)</source>
        <translation>照片：{name}（{size} KB）</translation>
    </message>
    <message>
        <source>Say whether the seal is intact or broken.</source>
        <translation>请选择封签完好还是破损。</translation>
    </message>
    <message>
        <source>Scan or type the seal number you see on the package.</source>
        <translation>请扫描或输入样品包上看到的封签号。</translation>
    </message>
    <message>
        <source>Seal number seen:</source>
        <translation>所见封签号：</translation>
    </message>
    <message>
        <source>Seal {seen} is not the seal recorded at release ({recorded}). It will be recorded as a discrepancy.</source>
        <translation>封签 {seen} 不是发出时记录的封签（{recorded}）。将记录为差异。</translation>
    </message>
    <message>
        <source>The broken seal will be recorded as a discrepancy for the lender&apos;s curators. Describe what you see; a photo helps.</source>
        <translation>封签破损将记录为差异，交由出借方样品管理员处理。请描述您看到的情况；附照片更好。</translation>
    </message>
    <message>
        <source>Type the balance reading (mg) of each aliquot you weighed; leave the others empty. Enter moves to the next.</source>
        <translation>输入每个已称量分样的天平读数（mg）；未称量的留空。按回车转到下一个。</translation>
    </message>
    <message>
        <source>Weigh the aliquots (optional)</source>
        <translation>称量分样（可选）</translation>
    </message>
    <message>
        <source>What do you see? (required for a broken or different seal)</source>
        <translation>您看到了什么？（封签破损或不符时必填）</translation>
    </message>
    <message>
        <source>e.g. 299.8 mg</source>
        <translation>例如 299.8 mg</translation>
    </message>
    <message>
        <source>e.g. tape cut at one corner, seal number unreadable</source>
        <translation>例如：一角胶带被割开，封签号无法辨认</translation>
    </message>
    <message>
        <source>scan or type the seal, then Enter</source>
        <translation>扫描或输入封签号，然后按回车</translation>
    </message>
    <message>
        <source>✓  Seal &amp;intact</source>
        <translation>✓  封签完好(&amp;I)</translation>
    </message>
    <message>
        <source>✓ Seal {seal} is the one recorded at release.</source>
        <translation>✓ 封签 {seal} 与发出时记录的一致。</translation>
    </message>
    <message>
        <source>✓ {difference}: in tolerance</source>
        <translation>✓ {difference}：在允差内</translation>
    </message>
    <message>
        <source>✗  Seal &amp;broken or tampered</source>
        <translation>✗  封签破损或被篡改(&amp;B)</translation>
    </message>
    <message>
        <source>✗ {difference}: discrepancy</source>
        <translation>✗ {difference}：差异</translation>
    </message>
</context>
<context>
    <name>_courier_screens</name>
    <message numerus="yes">
        <source>%n aliquot</source>
        <translation>
            <numerusform>%n 个分样</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n aliquots</source>
        <translation>
            <numerusform>%n 个分样</numerusform>
        </translation>
    </message>
    <message>
        <source>Aliquot</source>
        <translation>分样</translation>
    </message>
    <message>
        <source>Back to my packages</source>
        <translation>返回我的样品包</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>容器</translation>
    </message>
    <message>
        <source>Deliver to {receiver}</source>
        <translation>送达 {receiver}</translation>
    </message>
    <message>
        <source>Hand to another courier</source>
        <translation>交接给另一位押运员</translation>
    </message>
    <message>
        <source>Hand to which courier?</source>
        <translation>交接给哪位押运员？</translation>
    </message>
    <message>
        <source>In hand — to deliver</source>
        <translation>在手 — 待送达</translation>
    </message>
    <message>
        <source>In hand — to deliver ({count})</source>
        <translation>在手 — 待送达（{count}）</translation>
    </message>
    <message>
        <source>Mass</source>
        <translation>质量</translation>
    </message>
    <message>
        <source>My packages</source>
        <translation>我的样品包</translation>
    </message>
    <message>
        <source>Next courier</source>
        <translation>下一位押运员</translation>
    </message>
    <message>
        <source>Nothing in hand.</source>
        <translation>手中没有样品包。</translation>
    </message>
    <message>
        <source>Nothing to collect.</source>
        <translation>没有待取件的样品包。</translation>
    </message>
    <message>
        <source>Package {number}</source>
        <translation>样品包 {number}</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>扫描</translation>
    </message>
    <message>
        <source>Scan a label, or type a package number and press Enter</source>
        <translation>扫描标签，或输入样品包号后按回车</translation>
    </message>
    <message>
        <source>Scan a package, seal or aliquot label, or tap a package.</source>
        <translation>扫描样品包、封签或分样标签，或点按一个样品包。</translation>
    </message>
    <message>
        <source>Scan the courier&apos;s badge, or type their user name</source>
        <translation>扫描押运员的工牌，或输入其用户名</translation>
    </message>
    <message>
        <source>Tap the courier who takes the package, or scan their badge.</source>
        <translation>点按接收样品包的押运员，或扫描其工牌。</translation>
    </message>
    <message>
        <source>That is you: choose the courier who takes the package.</source>
        <translation>这是您本人：请选择接收样品包的押运员。</translation>
    </message>
    <message>
        <source>To collect</source>
        <translation>待取件</translation>
    </message>
    <message>
        <source>To collect ({count})</source>
        <translation>待取件（{count}）</translation>
    </message>
    <message>
        <source>at {institution}</source>
        <translation>取自 {institution}</translation>
    </message>
    <message>
        <source>to {institution}</source>
        <translation>送往 {institution}</translation>
    </message>
    <message>
        <source>{items}, {mass} · seal {seal}</source>
        <translation>{items}，{mass} · 封签 {seal}</translation>
    </message>
    <message>
        <source>{items}, {mass} · seal {seal} · container {container}</source>
        <translation>{items}，{mass} · 封签 {seal} · 容器 {container}</translation>
    </message>
    <message>
        <source>{name} is not a courier: a package passes only to a courier.</source>
        <translation>{name} 不是押运员：样品包只能交接给押运员。</translation>
    </message>
</context>
<context>
    <name>_courier_sign</name>
    <message>
        <source>4 to 8 digits</source>
        <translation>4 至 8 位数字</translation>
    </message>
    <message>
        <source>Clear signature</source>
        <translation>清除签名</translation>
    </message>
    <message>
        <source>Draw your signature in the box with a finger, a stylus or the mouse. Without one, press Sign again: the secret alone signs.</source>
        <translation>请用手指、触控笔或鼠标在框内手写签名。若无法手写，再按一次“签名”：仅凭 PIN 码或密码签名。</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <source>PIN:</source>
        <translation>PIN 码：</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>Sign here</source>
        <translation>在此签名</translation>
    </message>
    <message>
        <source>Signer</source>
        <translation>签名人</translation>
    </message>
    <message>
        <source>Type the PIN of {name}.</source>
        <translation>请输入 {name} 的 PIN 码。</translation>
    </message>
    <message>
        <source>Type the password of {name}.</source>
        <translation>请输入 {name} 的密码。</translation>
    </message>
    <message>
        <source>Type the signer&apos;s user name.</source>
        <translation>请输入签名人的用户名。</translation>
    </message>
    <message>
        <source>Undo stroke</source>
        <translation>撤销笔画</translation>
    </message>
    <message>
        <source>password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>用户名</translation>
    </message>
</context>
<context>
    <name>_courier_signin</name>
    <message>
        <source>4 to 8 digits</source>
        <translation>4 至 8 位数字</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Courier mode is for couriers. {name} works at the workstation.</source>
        <translation>押运模式仅供押运员使用。{name} 请在工作站操作。</translation>
    </message>
    <message>
        <source>Courier sign-in</source>
        <translation>押运员登录</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>PIN:</source>
        <translation>PIN 码：</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Type or scan your user name, then your PIN.</source>
        <translation>输入或扫描您的用户名，然后输入 PIN 码。</translation>
    </message>
    <message>
        <source>Type your PIN.</source>
        <translation>请输入 PIN 码。</translation>
    </message>
    <message>
        <source>Type your user name first.</source>
        <translation>请先输入用户名。</translation>
    </message>
    <message>
        <source>Wrong name or PIN. Check both and try again.</source>
        <translation>用户名或 PIN 码错误。请检查后重试。</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>用户名</translation>
    </message>
</context>
<context>
    <name>_courier_widgets</name>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Clear</source>
        <comment>PIN pad key</comment>
        <translation>清除</translation>
    </message>
</context>
<context>
    <name>_courier_window</name>
    <message numerus="yes">
        <source>%n aliquot is in their custody now.</source>
        <translation>
            <numerusform>%n 个分样现由对方保管。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n aliquots are in their custody now.</source>
        <translation>
            <numerusform>%n 个分样现由对方保管。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more wrong entries lock the account.</source>
        <translation>
            <numerusform>再错 %n 次，账户将被锁定。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more wrong entry locks the account.</source>
        <translation>
            <numerusform>再错 %n 次，账户将被锁定。</numerusform>
        </translation>
    </message>
    <message>
        <source>Courier</source>
        <translation>押运员</translation>
    </message>
    <message>
        <source>Couriers</source>
        <translation>押运员</translation>
    </message>
    <message>
        <source>Deliver</source>
        <translation>送达</translation>
    </message>
    <message>
        <source>Deliver to {receiver}, {institution}.</source>
        <translation>送达 {institution} 的 {receiver}。</translation>
    </message>
    <message>
        <source>Discrepancy recorded: {note}</source>
        <translation>已记录差异：{note}</translation>
    </message>
    <message>
        <source>Discrepancy recorded: {number} weighed {measured}, book mass {expected}.</source>
        <translation>已记录差异：{number} 实测 {measured}，账面质量 {expected}。</translation>
    </message>
    <message>
        <source>Hand over</source>
        <translation>交接</translation>
    </message>
    <message>
        <source>Hand {number} to {name}</source>
        <translation>将 {number} 交接给 {name}</translation>
    </message>
    <message>
        <source>Handoff</source>
        <translation>交接</translation>
    </message>
    <message>
        <source>Lunar Custody — Courier</source>
        <translation>Lunar Custody — 押运模式</translation>
    </message>
    <message>
        <source>My packages</source>
        <translation>我的样品包</translation>
    </message>
    <message>
        <source>NOT INTACT</source>
        <translation>不完好</translation>
    </message>
    <message>
        <source>Next courier</source>
        <translation>下一位押运员</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <source>Package {package}</source>
        <translation>样品包 {package}</translation>
    </message>
    <message>
        <source>Pick up</source>
        <translation>取件</translation>
    </message>
    <message>
        <source>Pick up {number}</source>
        <translation>取件 {number}</translation>
    </message>
    <message>
        <source>Receiver</source>
        <translation>接收人</translation>
    </message>
    <message>
        <source>Released by {institution} at {when}, seal {seal}.</source>
        <translation>由 {institution} 于 {when} 发出，封签 {seal}。</translation>
    </message>
    <message>
        <source>Seal {seal} checked. It is no longer in your custody.</source>
        <translation>封签 {seal} 已核对。该样品包已不由您保管。</translation>
    </message>
    <message>
        <source>Seal {seal}: {state} · weighed {weighed} of {total}</source>
        <translation>封签 {seal}：{state} · 已称量 {weighed}/{total}</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>发件方</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message numerus="yes">
        <source>The account of {name} is now locked for %n minutes after repeated wrong entries.</source>
        <translation>
            <numerusform>因多次输入错误，{name} 的账户现已锁定 %n 分钟。</numerusform>
        </translation>
    </message>
    <message>
        <source>The lender&apos;s curators will resolve it.</source>
        <translation>出借方样品管理员将处理此差异。</translation>
    </message>
    <message>
        <source>intact</source>
        <translation>完好</translation>
    </message>
    <message>
        <source>{name} cannot sign here. {why_not}</source>
        <translation>{name} 不能在此签名。{why_not}</translation>
    </message>
    <message>
        <source>{number} is now carried by {courier}.</source>
        <translation>{number} 现由 {courier} 押运。</translation>
    </message>
    <message>
        <source>{number} received by {receiver}, {institution}.</source>
        <translation>{number} 已由 {institution} 的 {receiver} 接收。</translation>
    </message>
    <message>
        <source>{number}: {items}, {mass}, are now in your custody.</source>
        <translation>{number}：{items}，{mass}，现由您保管。</translation>
    </message>
    <message>
        <source>{signer} signs: {meaning}</source>
        <translation>{signer}签名：{meaning}</translation>
    </message>
    <message>
        <source>✓ Package collected</source>
        <translation>✓ 已取件</translation>
    </message>
    <message>
        <source>✓ Package delivered</source>
        <translation>✓ 已送达</translation>
    </message>
    <message>
        <source>✓ Package handed over</source>
        <translation>✓ 已交接</translation>
    </message>
</context>
</TS>
