#include "NumberBox.h"

#include <algorithm>

namespace AuthStudio {

NumberBox::NumberBox(QWidget *parent)
    : QSpinBox(parent)
{ }

std::optional<qlonglong> NumberBox::typedNumber(const QString &text) const
{
    QString number = text;
    if (number.startsWith(prefix()))
        number.remove(0, prefix().size());
    if (number.endsWith(suffix()))
        number.chop(suffix().size());
    bool isNumber = false;
    const qlonglong value = locale().toLongLong(number.trimmed(), &isNumber);
    return isNumber ? std::optional(value) : std::nullopt;
}

QValidator::State NumberBox::validate(QString &text, int &position) const
{
    const QValidator::State state = QSpinBox::validate(text, position);
    // A whole number out of range is on its way to being corrected (fixup), not a typing mistake.
    if (state == QValidator::Invalid && typedNumber(text))
        return QValidator::Intermediate;
    return state;
}

void NumberBox::fixup(QString &text) const
{
    if (const std::optional<qlonglong> typed = typedNumber(text)) {
        const int kept = int(std::clamp<qlonglong>(*typed, minimum(), maximum()));
        text = prefix() + textFromValue(kept) + suffix();
        return;
    }
    QSpinBox::fixup(text);
}

} // namespace AuthStudio
