// QueryCommand: `authstudio-cli query FILE --resource NAME ...`: sends queries through a resource as a
// user, logging in as needed (form values as for `auth`) and reusing the session kept in the keychain by
// an earlier run. Prints each status (or a summary when there are many) and a summary line.
// Exit 0 when every final attempt succeeded, 1 otherwise, 2 usage or file error.
#pragma once

#include <QStringList>

class QueryCommand
{
public:
    static int run(const QStringList &arguments);
};
