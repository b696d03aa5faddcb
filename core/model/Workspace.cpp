#include "Workspace.h"

namespace AuthStudio {

const Resource *Workspace::findResource(const QString &resourceName) const
{
    for (const Resource &resource : resources) {
        if (resource.name == resourceName)
            return &resource;
    }
    return nullptr;
}

} // namespace AuthStudio
