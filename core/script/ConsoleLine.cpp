#include "ConsoleLine.h"

#include "SecretMasker.h"

#include <QJsonObject>

namespace AuthStudio {

QString ConsoleLine::levelId(Level level)
{
    switch (level) {
    case Level::Log:
        return QStringLiteral("log");
    case Level::Info:
        return QStringLiteral("info");
    case Level::Warn:
        return QStringLiteral("warn");
    case Level::Error:
        return QStringLiteral("error");
    case Level::Debug:
        return QStringLiteral("debug");
    }
    return {};
}

QString ConsoleLine::toText() const
{
    const QString written = QStringLiteral("console.%1: %2").arg(levelId(level), text);
    return step.isEmpty() ? written : step + QStringLiteral(": ") + written;
}

QJsonObject ConsoleLine::toJson(bool withStep) const
{
    QJsonObject object {{QStringLiteral("level"), levelId(level)}, {QStringLiteral("text"), text}};
    if (withStep)
        object.insert(QStringLiteral("step"), step);
    return object;
}

ConsoleLine ConsoleLine::masked(const SecretMasker &masker) const
{
    return {level, masker.maskText(text), step};
}

QList<ConsoleLine> ConsoleLine::masked(const QList<ConsoleLine> &lines, const SecretMasker &masker)
{
    QList<ConsoleLine> result;
    result.reserve(lines.size());
    for (const ConsoleLine &line : lines)
        result.append(line.masked(masker));
    return result;
}

} // namespace AuthStudio
