# A dispatchable job: every `nomad job dispatch -meta input=... transcode`
# starts one transcoding run with the dispatched payload as its settings.
job "transcode" {
  datacenters = ["*"]
  type        = "batch"

  parameterized {
    payload       = "optional"
    meta_required = ["input"]
    meta_optional = ["preset"]
  }

  meta {
    preset = "veryfast"
  }

  group "transcode" {
    task "ffmpeg" {
      driver = "docker"

      config {
        image = "jrottenberg/ffmpeg:6.1-alpine"
        args  = ["-i", "${NOMAD_META_input}", "-preset", "${NOMAD_META_preset}", "${NOMAD_ALLOC_DIR}/data/output.mp4"]
      }

      dispatch_payload {
        file = "settings.json"
      }

      resources {
        cpu    = 1000
        memory = 512
      }
    }
  }
}
