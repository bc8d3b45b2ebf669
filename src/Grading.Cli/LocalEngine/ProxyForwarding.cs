using System.Reflection;
using System.Runtime.ExceptionServices;

namespace Grading.Cli.LocalEngine;

/// <summary>How the orchestration-service proxies hand a call on to the service they wrap.</summary>
internal static class ProxyForwarding
{
    /// <summary>
    /// Calls <paramref name="method"/> on <paramref name="target"/>. A synchronous throw reaches the caller as itself,
    /// with its stack, not wrapped in reflection's TargetInvocationException, which DTFx's dispatchers would not recognise.
    /// </summary>
    public static object? Invoke(object target, MethodInfo method, object?[]? args)
    {
        try
        {
            return method.Invoke(target, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }
}
