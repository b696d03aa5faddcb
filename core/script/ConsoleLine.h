// ConsoleLine: one line a script wrote with console.log, info, warn, error or debug: its level, its text
// (the arguments as a browser console shows plain values, joined by spaces) and the step that wrote it.
// Lines are kept as written, like the scope: mask them (masked()) before showing them anywhere. The
// JavaScript engine plugin makes them, so what it uses (the fields, the limits) is header-inline.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

class QJsonObject;

namespace AuthStudio {

class SecretMasker;

struct ConsoleLine
{
    // In the order the plugin's console methods pass them.
    enum class Level { Log, Info, Warn, Error, Debug };
    // A script that logs in a loop must not exhaust memory: one script run keeps this many lines, then one
    // more saying how many it dropped (an Info line, "… N more lines"); a line is shown with this many
    // characters at most.
    static constexpr int MaxLines = 200;
    static constexpr qsizetype MaxChars = 4096;
    // What is kept of a line as written, and of all of a run's lines, before masking. Much more than is
    // shown: a line is masked whole and then cut to MaxChars, so that a secret the cut would halve (a
    // token in a logged reply) is masked, not half shown.
    static constexpr qsizetype MaxRawChars = 64 * 1024;
    static constexpr qsizetype MaxRawRunChars = 1024 * 1024;

    Level level = Level::Log;
    QString text; // as written: the arguments joined by spaces
    QString step; // the JavaScript step that wrote it; set by WorkflowRunner
    // Each argument as written. Masked one by one, each is a whole value: a 3-letter password logged
    // beside other values (console.log('pw:', pw)) is masked as it is when logged alone.
    QStringList parts;
    bool cut = false; // the text as written went on past MaxRawChars

    // How many characters the run of word characters ending `text` has (letters, digits and +/=_.~%-,
    // what tokens and passwords are made of), counting back no further than `limit`. A cut must not leave
    // half a secret that masking would no longer recognise: it drops the word it ends in. Inline, for the
    // JavaScript engine plugin's use.
    static qsizetype trailingWordLength(const QString &text, qsizetype limit)
    {
        qsizetype length = 0;
        while (length < text.size() && length <= limit) {
            const QChar c = text.at(text.size() - 1 - length);
            if (!c.isLetterOrNumber() && !c.isSurrogate() && !QStringView(u"+/=_.~%-").contains(c))
                break;
            ++length;
        }
        return length;
    }

    // "log", "info", "warn", "error", "debug".
    static QString levelId(Level level);
    // As the CLI and the studio print it: "js1: console.log: hello". A line break in the text is followed
    // by `continuation` (an indent), so a logged text can't pass for a line of its own (QA pass 26).
    QString toText(const QString &continuation = {}) const;
    // {"level": "log", "text": "hello"}, with "step" when withStep (a line outside its step's result).
    QJsonObject toJson(bool withStep = false) const;
    // The line to show: each argument masked, then cut to MaxChars. Its text is final (no parts).
    ConsoleLine masked(const SecretMasker &masker) const;
    static QList<ConsoleLine> masked(const QList<ConsoleLine> &lines, const SecretMasker &masker);
};

} // namespace AuthStudio
