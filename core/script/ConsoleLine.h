// ConsoleLine: one line a script wrote with console.log, info, warn, error or debug: its level, its text
// (the arguments as a browser console shows plain values, joined by spaces) and the step that wrote it.
// Lines are kept as written, like the scope: mask them (masked()) before showing them anywhere. The
// JavaScript engine plugin makes them, so what it uses (the fields, the limits) is header-inline.
#pragma once

#include <QList>
#include <QString>

class QJsonObject;

namespace AuthStudio {

class SecretMasker;

struct ConsoleLine
{
    // In the order the plugin's console methods pass them.
    enum class Level { Log, Info, Warn, Error, Debug };
    // A script that logs in a loop must not exhaust memory: one script run keeps this many lines, then one
    // more saying how many it dropped (an Info line, "… N more lines"); a line keeps this many characters.
    static constexpr int MaxLines = 200;
    static constexpr qsizetype MaxChars = 4096;

    Level level = Level::Log;
    QString text;
    QString step; // the JavaScript step that wrote it; set by WorkflowRunner

    // "log", "info", "warn", "error", "debug".
    static QString levelId(Level level);
    // As the CLI and the studio print it: "js1: console.log: hello".
    QString toText() const;
    // {"level": "log", "text": "hello"}, with "step" when withStep (a line outside its step's result).
    QJsonObject toJson(bool withStep = false) const;
    ConsoleLine masked(const SecretMasker &masker) const;
    static QList<ConsoleLine> masked(const QList<ConsoleLine> &lines, const SecretMasker &masker);
};

} // namespace AuthStudio
