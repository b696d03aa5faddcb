#include "FormatError.h"

#include <QStringList>

namespace AuthStudio {

QString FormatError::toString() const
{
    QString text = file.isEmpty() ? QStringLiteral("<memory>") : file;
    if (!place.isEmpty())
        text += QStringLiteral(": ") + place;
    return text + QStringLiteral(": ") + reason;
}

QString FormatError::listText(const QList<FormatError> &errors, qsizetype shown)
{
    QStringList lines;
    for (qsizetype i = 0; i < errors.size() && i < shown; ++i)
        lines.append(errors.at(i).toString());
    if (errors.size() > shown)
        lines.append(QStringLiteral("... and %1 more").arg(errors.size() - shown));
    return lines.join(QLatin1Char('\n'));
}

} // namespace AuthStudio
