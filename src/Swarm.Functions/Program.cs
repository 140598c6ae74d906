using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Swarm.Functions;

var builder = FunctionsApplication.CreateBuilder(args);
FunctionsAppServices.Configure(builder.Services, builder.Configuration);
builder.Build().Run();
