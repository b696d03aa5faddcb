// DemoServerCommand: `authstudio-cli demo-server [--port P] [--token-ttl SECONDS]`: runs the embedded demo
// API in the foreground and prints its base URL, until interrupted.
#pragma once

#include <QStringList>

class DemoServerCommand
{
public:
    static constexpr quint16 DefaultPort = 8787; // what the bundled demo workspace's DEMO_API points at
    static int run(const QStringList &arguments);
};
