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

QString ConsoleLine::toText(const QString &continuation) const
{
    QString written = QStringLiteral("console.%1: %2").arg(levelId(level), text);
    if (!continuation.isEmpty())
        written.replace(QLatin1Char('\n'), QLatin1Char('\n') + continuation);
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
    QString shown;
    if (parts.isEmpty()) {
        shown = masker.maskText(text);
    } else {
        QStringList maskedParts;
        maskedParts.reserve(parts.size());
        for (const QString &part : parts)
            maskedParts.append(masker.maskText(part));
        shown = maskedParts.join(QLatin1Char(' '));
    }
    if (shown.size() > MaxChars) {
        qsizetype end = MaxChars;
        if (shown.at(end - 1).isHighSurrogate())
            --end; // never half a character
        shown.truncate(end);
        shown += QStringLiteral("\u2026 (cut at %1 characters)").arg(MaxChars);
    } else if (cut) {
        // The text as written was cut mid-word, and masking shrank what came before so far that the cut is
        // in sight: a secret it halved would show its start (QA pass 25: "********tok-06… (cut)"). The
        // word the cut ended goes.
        shown.chop(trailingWordLength(shown, shown.size()));
        shown += QStringLiteral("\u2026 (cut)");
    }
    ConsoleLine line;
    line.level = level;
    line.text = shown;
    line.step = step;
    return line;
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
