#include "StudioColors.h"

#include <QGuiApplication>
#include <QPalette>

namespace AuthStudio {

bool StudioColors::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QColor StudioColors::error(const QPalette &palette)
{
    // 4.6:1 on white; 5.5:1 on Breeze Dark's base (#232629).
    return isDark(palette) ? QColor(255, 105, 97) : QColor(220, 50, 50);
}

QColor StudioColors::error()
{
    return error(QGuiApplication::palette());
}

QColor StudioColors::warning(const QPalette &palette)
{
    // 4.9:1 on white (the orange before was 2.7:1); 8:1 on Breeze Dark's base.
    return isDark(palette) ? QColor(240, 180, 60) : QColor(160, 100, 0);
}

QColor StudioColors::warning()
{
    return warning(QGuiApplication::palette());
}

QColor StudioColors::expressionTint(const QPalette &palette)
{
    QColor tint = palette.color(QPalette::Highlight);
    tint.setAlpha(50);
    return tint;
}

} // namespace AuthStudio
