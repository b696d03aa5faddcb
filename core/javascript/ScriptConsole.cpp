#include "ScriptConsole.h"

#include <QJSEngine>

namespace AuthStudio {

ScriptConsole::ScriptConsole(QJSEngine *engine, QObject *parent)
    : QObject(parent)
    , m_stringify(
          engine->globalObject().property(QStringLiteral("JSON")).property(QStringLiteral("stringify")))
{ }

void ScriptConsole::write(int level, const QJSValue &arguments)
{
    if (m_lines.size() >= ConsoleLine::MaxLines) {
        ++m_dropped; // counted, not formatted: a logging loop costs little more than the loop
        return;
    }
    const auto lineLevel = level >= int(ConsoleLine::Level::Log) && level <= int(ConsoleLine::Level::Debug)
        ? ConsoleLine::Level(level)
        : ConsoleLine::Level::Log;
    const quint32 count = arguments.property(QStringLiteral("length")).toUInt();
    QString text;
    for (quint32 i = 0; i < count && text.size() <= ConsoleLine::MaxChars; ++i) {
        if (i > 0)
            text += QLatin1Char(' ');
        text += format(arguments.property(i));
    }
    if (text.size() > ConsoleLine::MaxChars) {
        qsizetype cut = ConsoleLine::MaxChars;
        if (text.at(cut - 1).isHighSurrogate())
            --cut; // never half a character
        text.truncate(cut);
        text += QStringLiteral("\u2026 (cut at %1 characters)").arg(ConsoleLine::MaxChars);
    }
    m_lines.append({lineLevel, text, {}});
}

QList<ConsoleLine> ScriptConsole::take()
{
    QList<ConsoleLine> lines = std::exchange(m_lines, {});
    if (m_dropped > 0) {
        lines.append({ConsoleLine::Level::Info,
                      m_dropped == 1 ? QStringLiteral("\u2026 1 more line")
                                     : QStringLiteral("\u2026 %1 more lines").arg(m_dropped),
                      {}});
        m_dropped = 0;
    }
    return lines;
}

void ScriptConsole::clear()
{
    m_lines.clear();
    m_dropped = 0;
}

QString ScriptConsole::format(const QJSValue &value) const
{
    if (value.isString())
        return value.toString();
    if (value.isUndefined())
        return QStringLiteral("undefined");
    if (value.isNull())
        return QStringLiteral("null");
    if (value.isCallable()) {
        const QString name = value.property(QStringLiteral("name")).toString();
        return name.isEmpty() ? QStringLiteral("[Function (anonymous)]")
                              : QStringLiteral("[Function: %1]").arg(name);
    }
    // An error as "TypeError: message" (JSON would say {}); a date and a regular expression as written.
    if (!value.isObject() || value.isError() || value.isDate() || value.isRegExp())
        return value.toString();
    const QJSValue json = m_stringify.call({value});
    // A cyclic object (or a toJSON that throws) can't be JSON: it reads as its text, as String() has it.
    return json.isString() ? json.toString() : value.toString();
}

} // namespace AuthStudio
