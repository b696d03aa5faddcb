// StudioFonts: the fonts the studio's own widgets ask for by role, beyond the application font.
#pragma once

#include <QFont>

namespace AuthStudio {

class StudioFonts
{
public:
    // The desktop's fixed-pitch font, for code, bodies and replies. Text that needs no shaping (Latin and
    // the like) skips HarfBuzz, as the application font does (see main()): each keystroke in a long line
    // lays out the whole line, and shaping was most of it (QA pass 39: a 1.5 MB body on one line).
    static QFont monospace();
};

} // namespace AuthStudio
