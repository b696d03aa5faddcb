#include "FormatError.h"

namespace AuthStudio {

QString FormatError::toString() const
{
    QString text = file.isEmpty() ? QStringLiteral("<memory>") : file;
    if (!place.isEmpty())
        text += QStringLiteral(": ") + place;
    return text + QStringLiteral(": ") + reason;
}

} // namespace AuthStudio
