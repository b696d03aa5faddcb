// StudioColors: the few colours the studio adds to the palette's, kept in one place so every editor
// flags a problem and tints an expression alike, on light and dark bases.
#pragma once

#include <QColor>

class QPalette;

namespace AuthStudio {

class StudioColors
{
public:
    // Whether the palette's base is dark: the colours below, and the code editor's, pick their dark set by
    // it.
    static bool isDark(const QPalette &palette);
    // Problems: unknown names, a script's error line, a failed run. On a dark base a lighter red, which
    // reads there as the light one does on white (QA pass 36: 2.2 to 3.3:1 on Breeze Dark).
    static QColor error(const QPalette &palette);
    static QColor error(); // with the application's palette
    // Warnings: a script's console.warn() lines.
    static QColor warning(const QPalette &palette);
    static QColor warning();
    // The {{ }} parts of a field or body: the palette's highlight, faint, so the text stays readable.
    static QColor expressionTint(const QPalette &palette);
};

} // namespace AuthStudio
