<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>_domain_rules</name>
    <message>
        <source>Aliquot {aliquot} is already on another open loan.</source>
        <translation>分样 {aliquot} 已在另一项未结束的借样中。</translation>
    </message>
    <message>
        <source>Aliquot {aliquot} is already on open loan {loan}.</source>
        <translation>分样 {aliquot} 已在未结束的借样 {loan} 中。</translation>
    </message>
    <message>
        <source>Only the lender&apos;s curators may correct the ledger.</source>
        <translation>只有出借方的样品管理员可以更正保管台账。</translation>
    </message>
    <message>
        <source>You cannot deactivate your own account.</source>
        <translation>不能停用自己的账户。</translation>
    </message>
</context>
</TS>
