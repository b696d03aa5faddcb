// LogoutCommand: `authstudio-cli logout FILE --resource NAME [--profile P]`: clears the profile's session
// for the resource everywhere it is kept.
#pragma once

#include <QStringList>

class LogoutCommand
{
public:
    static int run(const QStringList &arguments);
};
