package com.movierec.local.personalize.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The signature check against AWS's published Signature Version 4 test suite (aws4_testsuite: key AKIDEXAMPLE,
 * scope 20110909/us-east-1/host/aws4_request, every request dated by its {@code Date} header): each request with
 * the signature AWS lists for it verifies with the suite's secret, and fails with any other. The two path-encoding
 * cases are botocore's revision of the suite, which encodes a path twice as AWS does for every service but S3.
 */
class SigV4TestSuiteTest {
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final String DATE = "Mon, 09 Sep 2011 23:36:00 GMT";

    /** One test-suite request: its line, extra headers, body, and the SignedHeaders and Signature AWS lists. */
    record Case(String name, String method, String pathAndQuery, Map<String, List<String>> extraHeaders, String body,
                String signedHeaders, String signature) {
        @Override
        public String toString() {
            return name;
        }

        ReceivedRequest request() {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            headers.put("Date", List.of(DATE));
            headers.put("Host", List.of("host.foo.com"));
            headers.putAll(extraHeaders);
            headers.put("Authorization", List.of("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20110909/us-east-1/host/"
                    + "aws4_request, SignedHeaders=" + signedHeaders + ", Signature=" + signature));
            int query = pathAndQuery.indexOf('?');
            return new ReceivedRequest(method, query < 0 ? pathAndQuery : pathAndQuery.substring(0, query),
                    query < 0 ? null : pathAndQuery.substring(query + 1), headers,
                    body.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static Case plain(String name, String method, String pathAndQuery, String signature) {
        return new Case(name, method, pathAndQuery, Map.of(), "", "date;host", signature);
    }

    static Stream<Case> suite() {
        String vanilla = "b27ccfbfa7df52a200ff74193ca6e32d4b48b8856fab7ebf1c595d0670a7e470";
        String postVanilla = "22902d79e148b64e7571c3565769328423fe276eae4b26f83afceda9e767f726";
        String unreserved = "-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        return Stream.of(
                plain("get-vanilla", "GET", "/", vanilla),
                plain("post-vanilla", "POST", "/", postVanilla),
                plain("get-relative", "GET", "/foo/..", vanilla),
                plain("get-relative-relative", "GET", "/foo/bar/../..", vanilla),
                plain("get-slash-dot-slash", "GET", "/./", vanilla),
                plain("get-slash", "GET", "//", vanilla),
                plain("get-slash-pointless-dot", "GET", "/./foo",
                        "910e4d6c9abafaf87898e1eb4c929135782ea25bb0279703146455745391e63a"),
                plain("get-slashes", "GET", "//foo//",
                        "b00392262853cfe3201e47ccf945601079e9b8a7f51ee4c3d9ee4f187aa9bf19"),
                plain("get-unreserved", "GET", "/" + unreserved,
                        "830cc36d03f0f84e6ee4953fbe701c1c8b71a0372c63af9255aa364dd183281e"),
                plain("get-space (botocore)", "GET", "/%20/foo",
                        "2be9e587d1ee1f0fd02128724b86b4358ba3630d39f493b6e06610a19a50779e"),
                plain("get-utf8 (botocore)", "GET", "/%E1%88%B4",
                        "57b1eb3df3b16a8479c0097b66c0b261cfd65b829419a3f2c3d05319722490b8"),
                plain("get-vanilla-empty-query-key", "GET", "/?foo=bar",
                        "56c054473fd260c13e4e7393eb203662195f5d4a1fada5314b8b52b23f985e9f"),
                plain("get-vanilla-query-order-key", "GET", "/?a=foo&b=foo",
                        "0dc122f3b28b831ab48ba65cb47300de53fbe91b577fe113edac383730254a3b"),
                plain("get-vanilla-query-order-key-case", "GET", "/?foo=Zoo&foo=aha",
                        "be7148d34ebccdc6423b19085378aa0bee970bdc61d144bd1a8c48c33079ab09"),
                plain("get-vanilla-query-order-value", "GET", "/?foo=b&foo=a",
                        "feb926e49e382bec75c9d7dcb2a1b6dc8aa50ca43c25d2bc51143768c0875acc"),
                plain("get-vanilla-query-unreserved", "GET", "/?" + unreserved + "=" + unreserved,
                        "f1498ddb4d6dae767d97c466fb92f1b59a2c71ca29ac954692663f9db03426fb"),
                plain("get-vanilla-ut8-query", "GET", "/?\u1234=bar",
                        "6fb359e9a05394cc7074e0feb42573a2601abc0c869a953e8c5c12e4e01f1a8c"),
                plain("post-vanilla-query", "POST", "/?foo=bar",
                        "b6e3b79003ce0743a491606ba1035a804593b0efb1e20a11cba83f8c25a57a92"),
                new Case("get-header-value-trim", "POST", "/", Map.of("p", List.of(" phfft ")), "", "date;host;p",
                        "debf546796015d6f6ded8626f5ce98597c33b47b9164cf6b17b4642036fcb592"),
                new Case("post-header-key-sort", "POST", "/", Map.of("ZOO", List.of("zoobar")), "", "date;host;zoo",
                        "b7a95a52518abbca0964a999a880429ab734f35ebbf1235bd79a5de87756dc4a"),
                new Case("post-header-value-case", "POST", "/", Map.of("zoo", List.of("ZOOBAR")), "",
                        "date;host;zoo", "273313af9d0c265c531e11db70bbd653f3ba074c1009239e8559d3987039cad7"),
                new Case("post-x-www-form-urlencoded", "POST", "/",
                        Map.of("Content-Type", List.of("application/x-www-form-urlencoded")), "foo=bar",
                        "content-type;date;host", "5a15b22cf462f047318703b92e6f4f38884e4a7ab7b1d6426ca46a8bd1c26cbc"),
                new Case("post-x-www-form-urlencoded-parameters", "POST", "/",
                        Map.of("Content-Type", List.of("application/x-www-form-urlencoded; charset=utf8")),
                        "foo=bar", "content-type;date;host",
                        "b105eb10c6d318d2294de9d49dd8b031b55e3c3fe139f2e637da70511e9e7b71"));
    }

    private static void verify(ReceivedRequest request, String secret) {
        SigV4Authorization authorization = SigV4Authorization.parse(request.header("Authorization").orElseThrow(),
                RequestTime.present(request));
        SignatureCheck.verify(request, authorization, RequestTime.of(request), secret);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suite")
    void eachSuiteRequestVerifiesWithTheSuitesSecret(Case suiteCase) {
        assertThatCode(() -> verify(suiteCase.request(), SECRET)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suite")
    void eachSuiteRequestIsRefusedWithAnotherSecret(Case suiteCase) {
        SignatureRefusal refused = catchThrowableOfType(SignatureRefusal.class,
                () -> verify(suiteCase.request(), SECRET.replace('w', 'W')));
        assertThat(refused).as("refused").isNotNull();
        assertThat(refused.type()).isEqualTo("InvalidSignatureException");
        assertThat(refused.getMessage()).startsWith(SignatureCheck.MISMATCH);
    }
}
