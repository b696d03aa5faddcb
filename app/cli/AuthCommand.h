// AuthCommand: `authstudio-cli auth FILE --resource NAME ...`: runs a resource's auth workflow headless and
// prints the per-step timings and the final scope, secrets masked unless --show-secrets.
// Exit 0 success, 1 workflow failed (the notification text is printed), 2 usage or file error.
#pragma once

#include <QStringList>

class AuthCommand
{
public:
    static int run(const QStringList &arguments);
};
