#include "ScriptConsole.h"

#include <QJSEngine>

namespace AuthStudio {

namespace {

// JSON.stringify with a cycle written as "[Circular]": plain stringify fails on one, and the text fallback
// (Array.prototype.toString) recursed in native code until the process crashed (QA pass 24: an array
// holding itself). A copy is made first with the chain of objects being copied at hand, so an object met
// again inside itself is a cycle while one met twice side by side is not; toJSON is honoured as
// JSON.stringify would. What it uses is taken before any script ran, so no script can replace it.
const char *const SafeStringify = R"JS(
(function (stringify, isArray, keys, create) {
    function copy(value, open) {
        if (value !== null && typeof value === 'object' && typeof value.toJSON === 'function')
            value = value.toJSON();
        if (value === null || typeof value !== 'object')
            return value;
        if (open.indexOf(value) >= 0)
            return '[Circular]';
        open.push(value);
        var result;
        if (isArray(value)) {
            result = [];
            for (var i = 0; i < value.length; ++i)
                result.push(copy(value[i], open));
        } else {
            result = create(null);
            var names = keys(value);
            for (var k = 0; k < names.length; ++k)
                result[names[k]] = copy(value[names[k]], open);
        }
        open.pop();
        return result;
    }
    return function (value) { return stringify(copy(value, [])); };
})(JSON.stringify, Array.isArray, Object.keys, Object.create)
)JS";

// Cut at `room` characters, and then back to the end of the last word: what follows a cut is never shown,
// but a token or password cut in half would no longer be recognised to be masked. A word longer than any
// secret (a blob with no spaces) is cut where it is, or nothing of it would be left to show.
QString cutAtWordEnd(QString text, qsizetype room)
{
    constexpr qsizetype LongestSecret = 8192;
    if (room > 0 && text.at(room - 1).isHighSurrogate())
        --room;
    text.truncate(room);
    if (const qsizetype word = ConsoleLine::trailingWordLength(text, LongestSecret); word <= LongestSecret)
        text.chop(word);
    return text;
}

} // namespace

ScriptConsole::ScriptConsole(QJSEngine *engine, QObject *parent)
    : QObject(parent)
    , m_stringify(engine->evaluate(QString::fromLatin1(SafeStringify), QStringLiteral("console")))
    , m_objectToString(engine->globalObject()
                           .property(QStringLiteral("Object"))
                           .property(QStringLiteral("prototype"))
                           .property(QStringLiteral("toString")))
{ }

void ScriptConsole::write(int level, const QJSValue &arguments)
{
    if (m_lines.size() >= ConsoleLine::MaxLines || m_rawChars >= ConsoleLine::MaxRawRunChars) {
        ++m_dropped; // counted, not formatted: a logging loop costs little more than the loop
        return;
    }
    ConsoleLine line;
    line.level = level >= int(ConsoleLine::Level::Log) && level <= int(ConsoleLine::Level::Debug)
        ? ConsoleLine::Level(level)
        : ConsoleLine::Level::Log;
    const quint32 count = arguments.property(QStringLiteral("length")).toUInt();
    qsizetype size = 0;
    for (quint32 i = 0; i < count; ++i) {
        const qsizetype room = ConsoleLine::MaxRawChars - size;
        if (room <= 0) {
            line.cut = true;
            break;
        }
        QString part = format(arguments.property(i));
        if (part.size() > room) {
            part = cutAtWordEnd(part, room);
            line.cut = true;
        }
        size += part.size() + 1;
        line.parts.append(part);
    }
    line.text = line.parts.join(QLatin1Char(' '));
    m_rawChars += line.text.size();
    m_lines.append(line);
}

QList<ConsoleLine> ScriptConsole::take()
{
    QList<ConsoleLine> lines = std::exchange(m_lines, {});
    if (m_dropped > 0) {
        ConsoleLine more;
        more.level = ConsoleLine::Level::Info;
        more.text = m_dropped == 1 ? QStringLiteral("\u2026 1 more line")
                                   : QStringLiteral("\u2026 %1 more lines").arg(m_dropped);
        lines.append(more);
    }
    m_dropped = 0;
    m_rawChars = 0;
    return lines;
}

void ScriptConsole::clear()
{
    m_lines.clear();
    m_dropped = 0;
    m_rawChars = 0;
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
    // What can't be JSON (a toJSON that throws) reads as its kind, "[object Object]": its own toString()
    // may be anything, and an array's recursed without end on a cycle.
    return json.isString() ? json.toString() : m_objectToString.callWithInstance(value).toString();
}

} // namespace AuthStudio
