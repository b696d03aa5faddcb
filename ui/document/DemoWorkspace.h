// DemoWorkspace: the bundled demo workspace (a Qt resource of the core library). Its DEMO_API variable
// names a fixed port; the studio points it at its embedded DemoServer through a variable override.
#pragma once

#include <QByteArray>
#include <QString>

namespace AuthStudio {

class DemoWorkspace
{
public:
    static QString resourcePath(); // ":/demo/demo-workspace.authstudio.json"
    static QByteArray data();
    static QString variableName() { return QStringLiteral("DEMO_API"); }
};

} // namespace AuthStudio
