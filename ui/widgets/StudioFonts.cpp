#include "StudioFonts.h"

#include <QFontDatabase>

namespace AuthStudio {

QFont StudioFonts::monospace()
{
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    font.setStyleStrategy(QFont::PreferNoShaping);
    return font;
}

} // namespace AuthStudio
