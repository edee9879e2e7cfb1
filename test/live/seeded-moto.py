# A moto S3 server of its own, seeded in-process: reads {"bucket": ["key", ...]} as one JSON line
# on standard input, creates the buckets and objects through moto's backend (each body is
# "@KEY\nACGT\n+\nIIII\n"), serves them on 127.0.0.1 (a free port, printed as
# "Running on http://127.0.0.1:PORT") and stops when standard input closes. Putting 10,000
# objects this way takes a second; through HTTP it takes half a minute.
import json
import logging
import sys

from moto.moto_server.threaded_moto_server import ThreadedMotoServer
from moto.s3.models import s3_backends

logging.getLogger("werkzeug").setLevel(logging.ERROR)
spec = json.loads(sys.stdin.readline())
backend = s3_backends["123456789012"]["aws"]
for bucket, keys in spec.items():
    backend.create_bucket(bucket, "us-east-1")
    for key in keys:
        backend.put_object(bucket, key, ("@" + key + "\nACGT\n+\nIIII\n").encode())
server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
server.start()
host, port = server.get_host_and_port()
print(f"Running on http://{host}:{port}", flush=True)
sys.stdin.read()
server.stop()
