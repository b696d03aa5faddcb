#include "StudioColors.h"

#include <QPalette>

namespace AuthStudio {

QColor StudioColors::error()
{
    return QColor(220, 50, 50);
}

QColor StudioColors::warning()
{
    return QColor(200, 130, 0);
}

QColor StudioColors::expressionTint(const QPalette &palette)
{
    QColor tint = palette.color(QPalette::Highlight);
    tint.setAlpha(50);
    return tint;
}

} // namespace AuthStudio
