<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>_pdf_preview</name>
    <message numerus="yes">
        <source>Document {number} · %n page(s) · recorded with SHA-256 {sha256}…; an exact copy verifies with {command}.</source>
        <translation>
            <numerusform>Document {number} · %n page · recorded with SHA-256 {sha256}…; an exact copy verifies with {command}.</numerusform>
            <numerusform>Document {number} · %n pages · recorded with SHA-256 {sha256}…; an exact copy verifies with {command}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_signin</name>
    <message numerus="yes">
        <source>at least %n characters</source>
        <translation>
            <numerusform>at least %n characters</numerusform>
            <numerusform>at least %n characters</numerusform>
        </translation>
    </message>
</context>
</TS>
