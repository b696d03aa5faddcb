// ScriptConsole: what a script's `console` writes to (log, info, warn, error, debug). It keeps the lines of
// one script run, formatted as a browser console shows plain values, and capped (ConsoleLine::MaxLines,
// ConsoleLine::MaxRawChars) so that a script logging in a loop can't exhaust memory; JavaScriptEngine takes
// them after each call, for the step's result. Nothing goes to stdout, stderr or qDebug (as QJSEngine's
// ConsoleExtension would): the lines may hold secrets, which only the callers know how to mask.
#pragma once

#include "script/ConsoleLine.h"

#include <QJSValue>
#include <QObject>

class QJSEngine;

namespace AuthStudio {

class ScriptConsole : public QObject
{
    Q_OBJECT
public:
    explicit ScriptConsole(QJSEngine *engine, QObject *parent = nullptr);

    // One console call: `level` a ConsoleLine::Level, `arguments` the call's arguments object.
    Q_INVOKABLE void write(int level, const QJSValue &arguments);
    // The lines written since the last take() (or clear()), with a last one saying how many more were
    // dropped, if any; the console is empty afterwards.
    QList<ConsoleLine> take();
    void clear();

private:
    // One argument as a browser console shows it: strings as they are, other plain values as their text,
    // objects and arrays as compact JSON.
    QString format(const QJSValue &value) const;

    QJSValue m_stringify; // JSON.stringify as the engine started with it, cycles written "[Circular]"
    QJSValue m_objectToString; // Object.prototype.toString, as the engine started with it
    QList<ConsoleLine> m_lines;
    qint64 m_dropped = 0;
    qsizetype m_rawChars = 0; // of m_lines' text, against ConsoleLine::MaxRawRunChars
};

} // namespace AuthStudio
