// StudioColors: the few colours the studio adds to the palette's, kept in one place so every editor
// flags a problem and tints an expression alike, on light and dark bases.
#pragma once

#include <QColor>

class QPalette;

namespace AuthStudio {

class StudioColors
{
public:
    // Problems: unknown names, a script's error line, a failed run.
    static QColor error();
    // Warnings: a script's console.warn() lines.
    static QColor warning();
    // The {{ }} parts of a field or body: the palette's highlight, faint, so the text stays readable.
    static QColor expressionTint(const QPalette &palette);
};

} // namespace AuthStudio
