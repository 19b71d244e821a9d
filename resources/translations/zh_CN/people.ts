<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>_people_dialogs</name>
    <message>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>代码(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>电子邮件(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>姓名(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Institution:</source>
        <translation>机构(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Local-script name:</source>
        <translation>本地文字名称(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>新密码(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>重复密码(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>重复(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>4 to 8 digits</source>
        <translation>4 至 8 位数字</translation>
    </message>
    <message>
        <source>4 to 8 digits; blank keeps the PIN</source>
        <translation>4 至 8 位数字；留空则保留原 PIN 码</translation>
    </message>
    <message>
        <source>A person stays at their institution; for a move, create a new account.</source>
        <translation>人员始终属于其所在机构；调动时请创建新账户。</translation>
    </message>
    <message>
        <source>C&amp;ountry:</source>
        <translation>国家(&amp;O)：</translation>
    </message>
    <message>
        <source>Courier &amp;PIN:</source>
        <translation>押运员 PIN 码(&amp;P)：</translation>
    </message>
    <message>
        <source>Couriers sign hand-overs with a PIN; tick the courier role first.</source>
        <translation>押运员用 PIN 码签署交接；请先勾选押运员角色。</translation>
    </message>
    <message>
        <source>Edit institution {code}</source>
        <translation>编辑机构 {code}</translation>
    </message>
    <message>
        <source>Edit {name}</source>
        <translation>编辑 {name}</translation>
    </message>
    <message>
        <source>New institution</source>
        <translation>新建机构</translation>
    </message>
    <message>
        <source>New person</source>
        <translation>新建人员</translation>
    </message>
    <message>
        <source>Reset the password of {name}</source>
        <translation>重置 {name} 的密码</translation>
    </message>
    <message>
        <source>Roles:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <source>The kind of an institution is fixed once created.</source>
        <translation>机构类型一经创建即不可更改。</translation>
    </message>
    <message>
        <source>The person signs in and signs with this password from now on; a locked account is unlocked. Tell them in person, not by e-mail.</source>
        <translation>此人今后使用此密码登录和签名；被锁定的账户将解锁。请当面告知，不要通过电子邮件。</translation>
    </message>
    <message numerus="yes">
        <source>at least %n characters</source>
        <translation>
            <numerusform>至少 %n 个字符</numerusform>
        </translation>
    </message>
    <message>
        <source>e.g. NAOC</source>
        <translation>例如 NAOC</translation>
    </message>
    <message>
        <source>in the institution&apos;s own script, e.g. 中国科学院国家天文台</source>
        <translation>机构本国文字名称，例如 中国科学院国家天文台</translation>
    </message>
    <message>
        <source>in the person&apos;s own script (optional)</source>
        <translation>本人本国文字姓名（可选）</translation>
    </message>
</context>
<context>
    <name>_people_view</name>
    <message>
        <source>&amp;Deactivate institution</source>
        <translation>停用机构(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Edit institution…</source>
        <translation>编辑机构(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Partners…</source>
        <translation>合作机构(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Reactivate institution</source>
        <translation>重新启用机构(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Unlock account</source>
        <translation>解锁账户(&amp;U)</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用中</translation>
    </message>
    <message>
        <source>Active and deactivated</source>
        <translation>启用中和已停用</translation>
    </message>
    <message>
        <source>Add a lender, borrower or courier</source>
        <translation>添加出借方、借用方或押运机构</translation>
    </message>
    <message>
        <source>All institutions</source>
        <translation>全部机构</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Change name, e-mail, roles or PIN</source>
        <translation>修改姓名、电子邮件、角色或 PIN 码</translation>
    </message>
    <message>
        <source>Change the selected institution</source>
        <translation>修改所选机构</translation>
    </message>
    <message>
        <source>Create an account</source>
        <translation>创建账户</translation>
    </message>
    <message>
        <source>De&amp;activate person</source>
        <translation>停用人员(&amp;A)</translation>
    </message>
    <message>
        <source>Deactivate account</source>
        <translation>停用账户</translation>
    </message>
    <message>
        <source>Deactivate institution</source>
        <translation>停用机构</translation>
    </message>
    <message>
        <source>Deactivate {name}? No new loans or accounts can name it; everything it did stays on record.</source>
        <translation>停用 {name}？此后不能在新的借样或账户中指定该机构；其所有既往记录保留。</translation>
    </message>
    <message>
        <source>Deactivate {name}? They can no longer sign in or sign; what they signed stays on record.</source>
        <translation>停用 {name}？其将无法登录或签名；其已签署的内容保留在记录中。</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Edit p&amp;erson…</source>
        <translation>编辑人员(&amp;E)…</translation>
    </message>
    <message>
        <source>Institution &amp;keys…</source>
        <translation>机构密钥(&amp;K)…</translation>
    </message>
    <message>
        <source>Institutions</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Institutions and people</source>
        <translation>机构与人员</translation>
    </message>
    <message>
        <source>Let them sign in again</source>
        <translation>允许其重新登录</translation>
    </message>
    <message>
        <source>Let them try again at once</source>
        <translation>允许其立即重试</translation>
    </message>
    <message>
        <source>Make the institution available again</source>
        <translation>使该机构重新可用</translation>
    </message>
    <message>
        <source>New &amp;institution…</source>
        <translation>新建机构(&amp;I)…</translation>
    </message>
    <message>
        <source>New &amp;person…</source>
        <translation>新建人员(&amp;P)…</translation>
    </message>
    <message>
        <source>No new loans or people for it; its records stay</source>
        <translation>不再为其新建借样或人员；其记录保留</translation>
    </message>
    <message>
        <source>Partner installations (their introductions and keys) and the exchange files sent to and received from them</source>
        <translation>合作站点（其引荐文件和密钥），以及与其收发的交换文件</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Re&amp;activate person</source>
        <translation>重新启用人员(&amp;A)</translation>
    </message>
    <message>
        <source>Reactivate account</source>
        <translation>重新启用账户</translation>
    </message>
    <message>
        <source>Reactivate institution</source>
        <translation>重新启用机构</translation>
    </message>
    <message>
        <source>Reset pass&amp;word…</source>
        <translation>重置密码(&amp;W)…</translation>
    </message>
    <message>
        <source>Search code, name, local name, country</source>
        <translation>搜索代码、名称、本地文字名称、国家</translation>
    </message>
    <message>
        <source>Search user name, name, institution</source>
        <translation>搜索用户名、姓名、机构</translation>
    </message>
    <message>
        <source>Set a new password (typed twice)</source>
        <translation>设置新密码（输入两次）</translation>
    </message>
    <message>
        <source>The account of {name} is not locked.</source>
        <translation>{name} 的账户未被锁定。</translation>
    </message>
    <message>
        <source>They can no longer sign in or sign; their records stay</source>
        <translation>其将无法登录或签名；其记录保留</translation>
    </message>
    <message>
        <source>This installation&apos;s certificate and fingerprint; partners&apos; certificates; people&apos;s signing keys</source>
        <translation>本站点的证书和指纹；合作机构的证书；人员的签名密钥</translation>
    </message>
    <message>
        <source>Unlock account</source>
        <translation>解锁账户</translation>
    </message>
    <message>
        <source>active</source>
        <translation>启用中</translation>
    </message>
    <message>
        <source>deactivated</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>institutions</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>people</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>{name}{local} — {username}, {institution}. {roles}; {state}.</source>
        <translation>{name}{local} — {username}，{institution}。{roles}；{state}。</translation>
    </message>
    <message>
        <source>{state}, locked after repeated wrong entries</source>
        <translation>{state}，因多次输入错误已锁定</translation>
    </message>
    <message>
        <source>{state}; has a courier PIN</source>
        <translation>{state}；已设押运员 PIN 码</translation>
    </message>
</context>
</TS>
