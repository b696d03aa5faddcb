#include "DemoWorkspace.h"

#include <QFile>

// The resources live in a static library: nothing references their initializer, so the linker would
// drop it. Q_INIT_RESOURCE must be used outside any namespace.
static void initCoreResources()
{
    Q_INIT_RESOURCE(resources);
}

namespace AuthStudio {

QString DemoWorkspace::resourcePath()
{
    return QStringLiteral(":/demo/demo-workspace.authstudio.json");
}

QByteArray DemoWorkspace::data()
{
    static const bool initialized = (initCoreResources(), true);
    Q_UNUSED(initialized);
    QFile file(resourcePath());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

} // namespace AuthStudio
