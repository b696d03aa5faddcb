// ValidateCommand: `authstudio-cli validate FILE`: exit 0 when the workspace file is valid, exit 2 with
// "FILE: PLACE: REASON" otherwise.
#pragma once

#include <QStringList>

class ValidateCommand
{
public:
    static int run(const QStringList &arguments);
};
