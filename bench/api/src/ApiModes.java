import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.movierec.api.ApiConfig;
import com.movierec.api.ApiHandler;
import com.movierec.api.catalog.MovieCatalog;
import com.movierec.api.personalize.PersonalizeClients;
import java.lang.reflect.Method;

/** The API-specific set-ups, kept out of FirstRequest so the hello-world trials never load API classes. */
final class ApiModes {
    private ApiModes() {
    }

    /** The handler as tests and the local adapter build it, with clients that answer in-process. */
    static RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> withStubClients() {
        ApiConfig config = ApiConfig.fromEnvironment(System.getenv());
        return new ApiHandler(config, StubClients.runtime(), StubClients.events(), MovieCatalog.load(config.itemsFile()));
    }

    /** The real SDK clients, built as Lambda builds them, but sending through {@link InProcessHttpClient}. */
    static RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> withSdkInProcess() {
        ApiConfig config = ApiConfig.fromEnvironment(System.getenv());
        InProcessHttpClient http = new InProcessHttpClient();
        return new ApiHandler(config, PersonalizeClients.runtime(config, http), PersonalizeClients.events(config, http),
                MovieCatalog.load(config.itemsFile()));
    }

    /**
     * Runs the handler's SnapStart priming as Lambda would before the snapshot. CRaC's global context cannot be
     * triggered on a JVM without CRaC, so this reaches the package-private hook by reflection.
     */
    static void prime(Object handler) throws ReflectiveOperationException {
        Method priming = ApiHandler.class.getDeclaredMethod("priming");
        priming.setAccessible(true);
        Object resource = priming.invoke(handler);
        Method before = resource.getClass().getDeclaredMethod("beforeCheckpoint", org.crac.Context.class);
        before.setAccessible(true);
        before.invoke(resource, (Object) null);
    }
}
