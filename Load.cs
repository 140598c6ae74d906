static class Load { [System.Runtime.CompilerServices.ModuleInitializer] internal static void Init() {
  foreach (var a in System.IO.Directory.GetFiles(AppContext.BaseDirectory, "*.dll")) { try { System.Reflection.Assembly.LoadFrom(a);} catch {} } }}
