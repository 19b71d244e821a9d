<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>_loans_clearance</name>
    <message numerus="yes">
        <source>Not complete: %n item(s) open; the loan cannot be approved yet.</source>
        <translation>
            <numerusform>Not complete: %n item open; the loan cannot be approved yet.</numerusform>
            <numerusform>Not complete: %n items open; the loan cannot be approved yet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_loans_deliverables</name>
    <message numerus="yes">
        <source>%n deliverable(s) overdue</source>
        <translation>
            <numerusform>%n deliverable overdue</numerusform>
            <numerusform>%n deliverables overdue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_loans_detail</name>
    <message numerus="yes">
        <source>Items (%n, {mass} in all):</source>
        <translation>
            <numerusform>Items (%n, {mass} in all):</numerusform>
            <numerusform>Items (%n, {mass} in all):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>overdue by %n day(s)</source>
        <translation>
            <numerusform>overdue by %n day</numerusform>
            <numerusform>overdue by %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_loans_editor</name>
    <message numerus="yes">
        <source>%n aliquot(s), {mass}</source>
        <translation>
            <numerusform>%n aliquot, {mass}</numerusform>
            <numerusform>%n aliquots, {mass}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n removed on Save</source>
        <translation>
            <numerusform>; %n removed on Save</numerusform>
            <numerusform>; %n removed on Save</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_loans_view</name>
    <message numerus="yes">
        <source>%n loan item(s) written to {path}.</source>
        <translation>
            <numerusform>%n loan item written to {path}.</numerusform>
            <numerusform>%n loan items written to {path}.</numerusform>
        </translation>
    </message>
</context>
</TS>
