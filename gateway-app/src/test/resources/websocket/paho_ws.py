"""An MQTT client over WebSocket for the integration tests: Debian's python3-paho-mqtt, at /mqtt.

  paho_ws.py [options] connect HOST PORT              prints "connack RC", exits RC
  paho_ws.py [options] pub HOST PORT TOPIC PAYLOAD    QoS 1, exits once PUBACK is in
  paho_ws.py [options] sub HOST PORT FILTER           prints "subscribed", then "TOPIC PAYLOAD" lines

Options: --user NAME --password TEXT, --ca FILE (wss:// checked against it), --mqtt31 (MQTT 3.1,
whose subprotocol is mqttv3.1).
"""
import argparse
import signal
import sys

import paho.mqtt.client as mqtt


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--user")
    parser.add_argument("--password")
    parser.add_argument("--ca")
    parser.add_argument("--mqtt31", action="store_true")
    parser.add_argument("mode", choices=["connect", "pub", "sub"])
    parser.add_argument("host")
    parser.add_argument("port", type=int)
    parser.add_argument("rest", nargs="*")
    args = parser.parse_args()
    if args.mode != "sub":
        signal.alarm(20)  # a gateway that never answers must not hang the test

    protocol = mqtt.MQTTv31 if args.mqtt31 else mqtt.MQTTv311
    options = dict(protocol=protocol, transport="websockets")
    if hasattr(mqtt, "CallbackAPIVersion"):  # paho 2 (Debian 13) asks which callbacks; 1.6 (Debian 12) has these
        options["callback_api_version"] = mqtt.CallbackAPIVersion.VERSION1
    client = mqtt.Client(**options)
    client.ws_set_options(path="/mqtt")
    if args.user is not None:
        client.username_pw_set(args.user, args.password)
    if args.ca is not None:
        client.tls_set(ca_certs=args.ca)
    outcome = {"rc": None}

    def say(line):
        print(line, flush=True)

    def on_connect(client, userdata, flags, rc):
        outcome["rc"] = rc
        say("connack %d" % rc)
        if rc != 0 or args.mode == "connect":
            client.disconnect()
        elif args.mode == "pub":
            client.publish(args.rest[0], args.rest[1], qos=1)
        else:
            client.subscribe(args.rest[0], qos=1)

    def on_publish(client, userdata, mid):
        client.disconnect()

    def on_subscribe(client, userdata, mid, granted_qos):
        say("subscribed %s" % list(granted_qos))

    def on_message(client, userdata, message):
        say("%s %s" % (message.topic, message.payload.decode("utf-8")))

    client.on_connect = on_connect
    client.on_publish = on_publish
    client.on_subscribe = on_subscribe
    client.on_message = on_message
    client.connect(args.host, args.port, keepalive=30)
    client.loop_forever()
    sys.exit(1 if outcome["rc"] is None else outcome["rc"])


main()
