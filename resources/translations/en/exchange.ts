<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>_exchange_exporting</name>
    <message numerus="yes">
        <source>Key {fingerprint}; %n file(s) sent so far</source>
        <translation>
            <numerusform>Key {fingerprint}; %n file sent so far</numerusform>
            <numerusform>Key {fingerprint}; %n files sent so far</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_exchange_importing</name>
    <message numerus="yes">
        <source>%n reason(s). The file was checked as a whole and nothing of it was written; ask the sender about what is listed, or send them this list (Copy).</source>
        <translation>
            <numerusform>%n reason. The file was checked as a whole and nothing of it was written; ask the sender about what is listed, or send them this list (Copy).</numerusform>
            <numerusform>%n reasons. The file was checked as a whole and nothing of it was written; ask the sender about what is listed, or send them this list (Copy).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n of the reasons are evidence that a ledger was rewritten at the origin: keep the file, and tell the sender&apos;s administrator.</source>
        <translation>
            <numerusform>⚠ %n of the reasons are evidence that a ledger was rewritten at the origin: keep the file, and tell the sender&apos;s administrator.</numerusform>
            <numerusform>⚠ %n of the reasons are evidence that a ledger was rewritten at the origin: keep the file, and tell the sender&apos;s administrator.</numerusform>
        </translation>
    </message>
</context>
</TS>
