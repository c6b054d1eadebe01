/// The app the listener target sends requests to: a body echoed byte for byte, the request's
/// attributes as JSON, a form body, a JSON body read and written, URI parameters, and an error
/// answered by the listener's error response.
enum ListenerFuzzApp {
    static let flows = """
        <?xml version="1.0" encoding="UTF-8"?>
        <mule xmlns="http://www.mulesoft.org/schema/mule/core"
              xmlns:http="http://www.mulesoft.org/schema/mule/http">
          <http:listener-config name="listener" basePath="/api">
            <http:listener-connection host="127.0.0.1" port="0" maxRequestBodySize="65536" maxConnections="64"/>
          </http:listener-config>
          <flow name="echo">
            <http:listener config-ref="listener" path="/echo"/>
            <set-payload value="#[payload]"/>
          </flow>
          <flow name="attributes">
            <http:listener config-ref="listener" path="/attributes/*"/>
            <set-payload value="#[output application/json --- {method: attributes.method, path: attributes.requestPath, query: attributes.queryParams, queryString: attributes.queryString, headers: attributes.headers, version: attributes.version, remote: attributes.remoteAddress != null}]"/>
          </flow>
          <flow name="form">
            <http:listener config-ref="listener" path="/form" allowedMethods="POST" decodeFormBody="true"/>
            <set-payload value="#[output application/json --- {fields: payload, count: sizeOf(payload)}]"/>
          </flow>
          <flow name="json">
            <http:listener config-ref="listener" path="/json" allowedMethods="POST, PUT, PATCH"/>
            <set-payload value="#[output application/json --- {name: payload.name default 'none', all: payload}]"/>
          </flow>
          <flow name="items">
            <http:listener config-ref="listener" path="/items/{id}">
              <http:response statusCode="#[vars.status default 200]">
                <http:headers>#[{'X-Item': attributes.uriParams.id}]</http:headers>
              </http:response>
            </http:listener>
            <set-variable variableName="status" value="#[if (attributes.uriParams.id == '404') 404 else 200]"/>
            <set-payload value="#[attributes.uriParams]"/>
          </flow>
          <flow name="fail">
            <http:listener config-ref="listener" path="/fail">
              <http:error-response statusCode="422">
                <http:body>#[{error: error.errorType.identifier, message: error.description}]</http:body>
              </http:error-response>
            </http:listener>
            <raise-error type="APP:REFUSED" description="#['refused ' ++ (attributes.queryParams.why default '')]"/>
          </flow>
        </mule>
        """
}
