#include "Workspace.h"

#include <algorithm>

namespace AuthStudio {

const Resource *Workspace::findResource(const QString &resourceName) const
{
    for (const Resource &resource : resources) {
        if (resource.name == resourceName)
            return &resource;
    }
    return nullptr;
}

QStringList Workspace::enabledVariableNames() const
{
    QStringList names;
    for (const KeyValue &variable : variables) {
        if (variable.enabled)
            names.append(variable.name);
    }
    return names;
}

QStringList Workspace::resourceNames() const
{
    QStringList names;
    names.reserve(resources.size());
    for (const Resource &resource : resources)
        names.append(resource.name);
    return names;
}

const KeyValue *Workspace::findVariable(const QString &variableName) const
{
    for (const KeyValue &variable : variables) {
        if (variable.name == variableName)
            return &variable;
    }
    return nullptr;
}

int Workspace::resourcesNamed(const QString &resourceName) const
{
    return int(std::count_if(resources.cbegin(), resources.cend(), [&resourceName](const Resource &resource) {
        return resource.name == resourceName;
    }));
}

} // namespace AuthStudio
