<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>_courier_screens</name>
    <message numerus="yes">
        <source>%n aliquot</source>
        <translation>
            <numerusform>%n aliquot</numerusform>
            <numerusform>%n aliquot</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n aliquots</source>
        <translation>
            <numerusform>%n aliquots</numerusform>
            <numerusform>%n aliquots</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_courier_window</name>
    <message numerus="yes">
        <source>%n aliquot is in their custody now.</source>
        <translation>
            <numerusform>%n aliquot is in their custody now.</numerusform>
            <numerusform>%n aliquot is in their custody now.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n aliquots are in their custody now.</source>
        <translation>
            <numerusform>%n aliquots are in their custody now.</numerusform>
            <numerusform>%n aliquots are in their custody now.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more wrong entries lock the account.</source>
        <translation>
            <numerusform>%n more wrong entries lock the account.</numerusform>
            <numerusform>%n more wrong entries lock the account.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more wrong entry locks the account.</source>
        <translation>
            <numerusform>%n more wrong entry locks the account.</numerusform>
            <numerusform>%n more wrong entry locks the account.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The account of {name} is now locked for %n minutes after repeated wrong entries.</source>
        <translation>
            <numerusform>The account of {name} is now locked for %n minutes after repeated wrong entries.</numerusform>
            <numerusform>The account of {name} is now locked for %n minutes after repeated wrong entries.</numerusform>
        </translation>
    </message>
</context>
</TS>
