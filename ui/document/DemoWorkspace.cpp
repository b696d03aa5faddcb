#include "DemoWorkspace.h"

#include <QFile>

namespace AuthStudio {

QString DemoWorkspace::resourcePath()
{
    return QStringLiteral(":/demo/demo-workspace.authstudio.json");
}

QByteArray DemoWorkspace::data()
{
    QFile file(resourcePath());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

} // namespace AuthStudio
